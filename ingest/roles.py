"""Project roles: the genre's role words and the role each stands for.

The keys are stable identifiers (SKOS concepts in the ontology); the words are
how Swedish plans write them. Labels are Swedish and English.
"""
from __future__ import annotations

import re
from dataclasses import dataclass


@dataclass(frozen=True)
class Role:
    key: str
    label_sv: str
    label_en: str
    words: tuple[str, ...]  # lower-case forms as written, singular and plural
    leads: bool = False  # a leading role ("who leads delprojekt N?")
    group: bool = False  # a group of people rather than one post
    # Where the role belongs: a project's organisation, a meeting (the minutes' chair, adjusters
    # and secretary) or a document (its owner). Outside a project a role is held in the body or
    # the municipality the document names.
    scope: str = "project"
    # The project role the word stands for inside a project's organisation, when it is not a
    # project role itself: `Sekreterare: X` in a plan is its project secretary.
    in_project: str | None = None


ROLES: dict[str, Role] = {
    r.key: r
    for r in (
        Role("uppdragsansvarig", "Uppdragsansvarig", "Accountable owner",
             ("uppdragsansvarig", "uppdragsansvariga", "projektansvarig", "projektansvariga", "projektägare",
              "beställare", "projektbeställare", "uppdragsgivare", "huvudansvarig", "ansvarig för huvudprojektet"),
             leads=True),
        Role("projektledare", "Projektledare", "Project manager",
             ("projektledare", "delprojektledare", "projektledaren", "delprojektledaren", "uppdragsledare",
              "uppdragsledaren", "ansvarig", "delprojektansvarig", "delprojektansvariga"), leads=True),
        Role("projektsekreterare", "Projektsekreterare", "Project secretary", ("projektsekreterare",)),
        Role("projektgrupp", "Projektgrupp", "Project team",
             ("projektgrupp", "projektgruppen", "projektarbetsgrupp", "arbetsgrupp", "arbetsgruppen", "projektdeltagare",
              "deltagare", "medverkande", "projektmedarbetare", "delprojektgrupp"), group=True),
        Role("resursperson", "Resursperson", "Resource person",
             ("resurspersoner", "resursperson", "resursgrupp", "sakkunnig", "sakkunniga"), group=True),
        Role("referensgrupp", "Referensgrupp", "Reference group", ("referensgrupp", "referensgruppen", "referensgrupper"), group=True),
        Role("styrgrupp", "Styrgrupp", "Steering group", ("styrgrupp", "styrgruppen"), group=True),
        Role("stod", "Stöd", "Support", ("med stöd från", "med stöd av")),
        Role("signatory", "Undertecknare", "Signatory", ()),
        Role("ordforande", "Ordförande", "Chair", ("ordförande", "ordförandes", "mötesordförande"), scope="meeting"),
        Role("justerare", "Justerare", "Adjuster", ("justerare", "justerande", "justeringsperson", "justeringspersoner"),
             scope="meeting"),
        Role("sekreterare", "Sekreterare", "Secretary", ("sekreterare", "protokollförare", "mötessekreterare"),
             scope="meeting", in_project="projektsekreterare"),
        # Read from the minutes' cover labels (ingest.kinds.minutes), not from role words in prose:
        # `ledamot` in running text names no meeting role.
        Role("ledamot", "Beslutande ledamot", "Voting member", (), scope="meeting"),
        Role("viceordforande", "Vice ordförande", "Vice chair", (), scope="meeting"),
        Role("ersattare", "Tjänstgörande ersättare", "Serving substitute", (), scope="meeting"),
        Role("deltagare", "Övrig deltagare", "Other participant", (), scope="meeting"),
        Role("dokumentansvarig", "Dokumentansvarig", "Document owner",
             ("dokumentansvarig", "dokumentägare", "ansvarig för dokumentet"), scope="document"),
    )
}

_WORD_TO_ROLE = {w: r.key for r in ROLES.values() for w in r.words}
# A role label introducing a list: `Projektledare: Björn Kalla`.
ROLE_LABEL = re.compile(
    r"(?<![\w-])(?P<word>" + "|".join(
        sorted((re.escape(w.capitalize()) + "|" + re.escape(w) for w in _WORD_TO_ROLE if " " not in w), key=len, reverse=True)
    ) + r")\s*:"
)


def role_for_word(word: str) -> str | None:
    return _WORD_TO_ROLE.get(word.strip().lower())


def project_role(key: str) -> str | None:
    """The role `key` stands for in a project's organisation: itself, its project meaning, or None
    for roles that belong to meetings and documents (a plan's `ordförande` is no project role)."""
    role = ROLES[key]
    return key if role.scope == "project" else role.in_project
