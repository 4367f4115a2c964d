"""The second held-out set: sixteen constructed documents of five kinds, written into a folder."""
from __future__ import annotations

from pathlib import Path

from tests.ingest.devset.gold import Gold
from tests.ingest.heldout_b import directives, minutes, plans, strategies
from tests.ingest.heldout_b.names import People
from tests.ingest.heldout_b.record import Doc
from tests.ingest.heldout_b.render import write

SEED = 20261202
BUILDERS = (plans.plan_alvby, plans.plan_tallby, plans.plan_ekfors, plans.plan_sjokoping,
            directives.directive_vasterryd, directives.directive_granryd, directives.directive_hagaby,
            directives.commission_lindfors, directives.commission_bjorkkoping, directives.commission_asryd,
            minutes.minutes_norrfors, minutes.minutes_stromby, minutes.minutes_rodby,
            strategies.strategy_tallby, strategies.policy_granryd, strategies.actionplan_hagaby)
NUMBERED = {"b01-plan-alvby", "b08-uppdrag-lindfors", "b14-strategi-tallby"}  # docplayer's `1 …` page prefix


def heldout_b_documents(seed: int = SEED) -> list[Doc]:
    people = People(seed)
    return [build(people) for build in BUILDERS]


def heldout_b_items(folder: Path, seed: int = SEED) -> list[tuple[str, Path, Gold]]:
    """Write every document into `folder`; (name, file, gold) per document."""
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    return [(d.name, write(d, folder, d.name in NUMBERED), d.record.gold()) for d in heldout_b_documents(seed)]
