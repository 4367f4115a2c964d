"""The triples the records→RDF step writes, pinned: a faster writer must write exactly these.

For the seed (text export and PDF) and a few generated dev-set documents, the sorted N-Triples of
`records_to_content` and of `ExtractedDocument.to_graph` (at a fixed time) are held as SHA-256
digests (`EXPECTED`). The N-Triples are rdflib's own serialisation of the returned graphs, so the
digests do not depend on the writer under test. A contribution literal (`sg:contributed`) enters
the digest as the digest of the N-Triples it unpacks to: what zlib makes of them may differ between
zlib builds; that the literal packs exactly rdflib's sorted N-Triples is checked on its own.

When a change to extraction (not to the RDF writer) deliberately changes what a document yields,
print the new digests with `python -m tests.ingest.test_to_rdf_output` and replace `EXPECTED`.
"""
from __future__ import annotations

import base64
import hashlib
import zlib
from datetime import datetime, timezone
from pathlib import Path

import pytest
from rdflib import BNode, Graph, Literal, URIRef

from styrgraf.ingest.pipeline import ExtractedDocument, extract_path
from styrgraf.ingest.to_rdf import (
    PACKING_LEVEL, SourceMeta, content_ntriples, decode_content, encode_content, records_to_content,
)
from styrgraf.ontology import terms
from styrgraf.ontology.terms import DEFAULT_BASE_IRI, SG
from tests.ingest.devset.build import dev_specs
from tests.ingest.devset.render import write_document

ROOT = Path(__file__).resolve().parents[2]
AT = datetime(2024, 5, 17, 9, 30, tzinfo=timezone.utc)
OTHER_RENDITION = SourceMeta("andra.txt", "ab" * 32, 1234, "text/plain")
# Dev-set documents of each kind, in text styles and PDF layouts (indices into `dev_specs()`).
DEV = (0, 1, 4, 6, 13, 18, 22, 25)

# name -> (triples, digest) of the contribution, of the graph, of the graph with another rendition listed
EXPECTED = {
    'seed-text': (
        (9054, '8f85b4a3c6b36a4f4ea4c9486b33bd39aa6dab212fd757a1bcc1d205fc4d8b01'),
        (9080, 'daf9ff535920db308eae35f65ea499534918fedc7960935e832a7a35138984b0'),
        (9088, '15858541545886a5aca5a429acd7165a7a7b0b17aabfa441b364b152a9475038'),
    ),
    'seed-pdf': (
        (7451, '018ffa4d0b39b4cb23761d75a12f1b94895dcad15e356bd6a2accd91fffe919f'),
        (7477, '45a38940219683670067e6e39c12336c6d86dd00e5f7b7ead94d9f335a297a86'),
        (7485, 'e6ac4748353921969d4e1069260f14da56f52233110861618e21a9ee1a71cad7'),
    ),
    'dev01-projektplan-formfeed': (
        (1692, 'fde5d3f8a6f25f9ccf308521274f12768b0c0a85a2c9f8d361b93abbce4df980'),
        (1718, 'e92f7c16ba1d37fc5fa4954a199a7a04b02416952be5ce03d250d5af1ee24b3d'),
        (1726, '3403eb62abdb17df9c4124e601b87024e1c2f8c8cabba22d1ef8e3847da93145'),
    ),
    'dev02-projektplan-docplayer': (
        (1701, '3eef6122a0d793958c778b08fa304afa43b53f6b415ce3dcbf59697ac0d3dfb5'),
        (1727, '81120c103585562e34f9676c0d57c0388e882bd6f5e7a1ceb35ea0c8a30f3b33'),
        (1735, 'b2ef698035892fcdbf71b09b0e246c045cda2be0ade302daf8bc03e3e42be1ab'),
    ),
    'dev05-projektplan-letterhead': (
        (1056, '732ad8ca12a444173536022ea72059301419b43bffeb05d8acb7a0be2c588913'),
        (1082, 'fc9321b43085dc9441038633e9157aaae12e92753bdf64f093b86d18f21535c8'),
        (1090, '841fec258056311fec7e3cebf223bbcdcf3421e95c69a70b20c4d97c420ee73f'),
    ),
    'dev07-projektplan-cover-table': (
        (1171, 'e07e5e0245a67f670321d91c1b6314047edf9241dc2fef8f568b31313081a1ae'),
        (1197, '42cbe6cc079d96e0f169e9184b52f236f8792d988af25587e276e2f7502aaf7f'),
        (1205, '09ef12ebf41d9d468d95cf65ea871c8bf14c15774d9caf63c8f84ac1e535b8d3'),
    ),
    'dev14-projektdirektiv-cover-table': (
        (521, '032e4fc09c7830f5d0473969a1656bae73642efbd4e49e45780297493fb31093'),
        (547, '038770af94601657d25f965d3bf62bd4fdf85bf96212b0fa8b4325be54f4e13f'),
        (555, '28fef8d8a767e7260ea127cb7f79234f4b4ee4235c538b30beb600449f583dde'),
    ),
    'dev19-uppdragsbeskrivning-formfeed': (
        (715, '9205c523442d4cd5131d9b4b1de613622d46dee4f118a51f97990079ac2cdc1b'),
        (741, 'd0ad4d5934a0daa014104f604a0e36c45fe077e8d0fa23092c750eed7aed5250'),
        (749, 'af2391d3ef3cd7ed996763e1392bed146d33cc073d9192f18f3285d22eb18a13'),
    ),
    'dev23-protokollsutdrag-docplayer': (
        (455, '6e2c4769c6d00f649ed9fe8c1cb10b72dd3aad7df6ff310527c784ee1f5058d7'),
        (481, '2f1c5ab2c06b4b9e9f6269ac0b8f07470651cb9ba36ded1c6d22eec63463941e'),
        (489, 'b7824120ef75f077854d8655f466bb9aaede39ef2124b857a20678c1cc79c757'),
    ),
    'dev26-strategi-flat-table': (
        (372, '3a7b496c277fadac6a79378bb88b2e7fa982520cfad6d8b559e262f9e4fd331e'),
        (398, '462665279e4ebd8bc1ef71f2ea00e44e26bd3b607b32e7a26e569695e227dd58'),
        (406, '2e3ffee6abf7baad76e9809673acceb9372f6dd5ce334c65d1b84a4daef9c80c'),
    ),
}


def _sources(tmp: Path) -> dict[str, Path]:
    out = {"seed-text": ROOT / "corpus" / "000_5a26368617003b47.txt",
           "seed-pdf": ROOT / "corpus" / "halmstad-projektplan-2012.pdf"}
    specs = dev_specs()
    for i in DEV:
        out[specs[i].key] = write_document(specs[i], tmp)
    return out


def _line_digest(lines: list[str]) -> str:
    return hashlib.sha256("\n".join(sorted(lines)).encode("utf-8")).hexdigest()


def _ntriples(g: Graph) -> list[str]:
    return [line for line in g.serialize(format="nt").splitlines() if line.strip()]


def _pinned(g: Graph) -> tuple[int, str]:
    """The graph's triple count and digest, a contribution literal read as what it packs."""
    out = Graph()
    for s, p, o in g:
        if p == SG.contributed:
            o = Literal(_line_digest(content_ntriples(o).decode("utf-8").splitlines()))
        out.add((s, p, o))
    return len(g), _line_digest(_ntriples(out))


def _readings(x: ExtractedDocument) -> tuple[Graph, Graph, Graph]:
    content = records_to_content(x.records, x.pages, x.preamble)
    return content, x.to_graph(ingested_at=AT)[1], x.to_graph(ingested_at=AT, renditions=(OTHER_RENDITION,))[1]


@pytest.fixture(scope="module")
def documents(tmp_path_factory, monkeypatch_module):
    monkeypatch_module.delenv("STYRGRAF_BASE_IRI", raising=False)
    return {name: extract_path(path) for name, path in _sources(tmp_path_factory.mktemp("docs")).items()}


@pytest.fixture(scope="module")
def monkeypatch_module():
    with pytest.MonkeyPatch.context() as mp:
        yield mp


@pytest.fixture(scope="module")
def readings(documents):
    return {name: _readings(x) for name, x in documents.items()}


def test_every_document_is_pinned(documents):
    assert set(documents) == set(EXPECTED)


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_the_triples_are_the_pinned_ones(readings, name):
    content, graph, with_other = readings[name]
    assert (_pinned(content), _pinned(graph), _pinned(with_other)) == EXPECTED[name]


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_no_blank_nodes(readings, name):
    for g in readings[name]:
        assert not any(isinstance(t, BNode) for triple in g for t in triple)


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_the_contribution_packs_rdflibs_sorted_ntriples(readings, name):
    """Byte for byte: the literal is what the graph's triples say, whoever writes it."""
    content, graph, _ = readings[name]
    expected = _packed_by_rdflib(content)
    packed = list(graph.objects(None, SG.contributed))
    assert [str(v) for v in packed] == [expected]
    assert encode_content(content) == Literal(expected, datatype=terms.XSD.base64Binary)
    assert set(decode_content(packed[0])) == set(content)
    assert set(content) <= set(graph)


def test_the_graph_is_its_contribution_and_provenance(readings):
    content, graph, _ = readings["seed-pdf"]
    rest = set(graph) - set(content)
    assert rest and all(str(s).startswith(DEFAULT_BASE_IRI) for s, _, _ in rest)
    assert not any(p == SG.hasPage or p == SG.pageNumber for _, p, _ in rest)


HARD_LITERALS = (
    Literal('citat "inom" citat'), Literal("bak\\snedstreck"), Literal("rad\nny\r\nrad\ttab"),
    Literal("åäö – € 𝄞"), Literal("\x00\x01\x1f\x7f kontroll"), Literal("sv text", lang="sv"),
    Literal("en", lang="en-GB"), Literal(42), Literal(True), Literal("2012-03", datatype=terms.XSD.gYearMonth),
    Literal("x", datatype=URIRef("http://example.org/typ")), Literal(""), Literal(" \ufeff "),
)
# Line separators other than \n and \r are written as they are, and the packing splits lines there:
# such a contribution packs as rdflib's lines split there do, but does not read back.
SPLIT_LITERALS = (Literal("a\u2028b"), Literal("c\x85d\x0ce\x1cf"))


def _graph_of(literals) -> Graph:
    g = Graph()
    for i, lit in enumerate(literals):
        g.add((URIRef(f"{DEFAULT_BASE_IRI}x/{i}"), SG.note, lit))
        g.add((URIRef(f"{DEFAULT_BASE_IRI}x/{i}"), SG.about, URIRef(f"{DEFAULT_BASE_IRI}y/å-{i}")))
    return g


def _packed_by_rdflib(g: Graph) -> str:
    return base64.b64encode(zlib.compress("\n".join(sorted(_ntriples(g))).encode("utf-8"), PACKING_LEVEL)).decode()


def test_a_contribution_of_hard_literals_packs_as_rdflib_writes_it():
    g = _graph_of(HARD_LITERALS)
    assert str(encode_content(g)) == _packed_by_rdflib(g)
    assert set(decode_content(encode_content(g))) == set(g)
    split = _graph_of(SPLIT_LITERALS)
    assert str(encode_content(split)) == _packed_by_rdflib(split)
    assert str(encode_content(Graph())) == _packed_by_rdflib(Graph())


def main() -> None:
    """Print `EXPECTED` for today's extraction."""
    import os
    import tempfile

    os.environ.pop("STYRGRAF_BASE_IRI", None)
    with tempfile.TemporaryDirectory() as tmp:
        print("EXPECTED = {")
        for name, path in _sources(Path(tmp)).items():
            print(f"    {name!r}: (")
            for g in _readings(extract_path(path)):
                print(f"        {_pinned(g)!r},")
            print("    ),")
        print("}")


if __name__ == "__main__":
    main()
