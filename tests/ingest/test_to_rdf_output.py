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
    SourceMeta, content_ntriples, decode_content, encode_content, records_to_content,
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
        (9095, '20a984c6c3a52ce72a4e071a484223fefb7359d42a62fcc2e945be4708bcea13'),
        (9121, 'ca0c9514df80e1bbebe79fc50cb8da3ba461b127055185b0456b000589847bc7'),
        (9129, 'ca5171f8024d207f75e5155141a425b7c2648b3ed9797e221f733a323e5e1d0c'),
    ),
    'seed-pdf': (
        (7492, '034e0ef0c151d29b3f59f8bbe8416cf17b045a579828e79a64ed7b595aa70faa'),
        (7518, '6b9f6f60ca86ddfeafd83484a6cc098cf49bba73b8044aac987146e0f612a70c'),
        (7526, '6249f97949d7387c60dfde2109904f9d5255de46a805da225c2390cdae369737'),
    ),
    'dev01-projektplan-formfeed': (
        (1689, 'fb9153a5bb2d8a0f83f9631fb17da61a3b86f17fee791036cec14cd329670153'),
        (1715, '77e29c79c806721e9c81b6d430be7d2e9c52acb57aa999a79358f26c7753c909'),
        (1723, '16d094866ea1fbf918b41509713609d95b6ffee7c6c894c663331f1e5bb29a04'),
    ),
    'dev02-projektplan-docplayer': (
        (1757, 'b1c18f524fc69e80926f18c0764afcc6bf06982dd1b4abb426b462b9fb3f5ca5'),
        (1783, '49ff73968f4876636d7ef67ea93bf094e8dd24cc01ebfa2d39c1e805cb3ccacf'),
        (1791, '2f63832f37eda23f75ec136f0389b656dfd27f2f8a32246ce04922fc925ba395'),
    ),
    'dev05-projektplan-letterhead': (
        (1070, '07c107c02e8d33ab7f477ded77c2e73e3ba392ca427665b22a7df4f645f13452'),
        (1096, 'd6eca58f074d4d15a30d0eb51b2254f338f73309941282dce580c22a4bacced0'),
        (1104, 'e4ac5324e8b87b01fe673dad065e316582661bf489bea716fb39becf682d5e48'),
    ),
    'dev07-projektplan-cover-table': (
        (1168, 'c9e474e0d3fede4fc22483b3a6c954a77efc5952623805b72f60fdfbf06260a3'),
        (1194, '0d0f7232ffe893f21fe49b202d68e3c2b1e73ec198d992d1b6c22814a5e0c651'),
        (1202, 'b93ff1a5e29a825d40857898a01df4e1af84bb89fcff2307231b1cdafca3b1db'),
    ),
    'dev14-projektdirektiv-cover-table': (
        (531, '3a53705239479a464d2b918d9ba4e4277b765de07cec70f70425ad4e66cdc962'),
        (557, '26e24904c8b80c2116cc9834aff6149971c9629494d3ff9f8e3ac33803ce6a70'),
        (565, '3f790750c381b9e8c988ffdeefc87237d1e6dea98990cc209785b32539bdaa42'),
    ),
    'dev19-uppdragsbeskrivning-formfeed': (
        (712, 'cef963af60a375876c7c902a78e83636b16b6872a2d6c29bd7ad4c04d4fa49d2'),
        (738, '358e4162813e2324ee13be7f4e416e9fc8f60caa13705e97b1d60c5e6a17245c'),
        (746, '98b67b7cff555439d37b2b8006243b874bac1825dabba874dc7760df96a93d79'),
    ),
    'dev23-protokollsutdrag-docplayer': (
        (312, 'f7af4344ff7769995d122155f6ac8971a6881448ca42b8c46354fa406a73485b'),
        (338, 'b972ffa775b340fbf88ded43936fd7c5ba0580e1ab8196a47997e6c252abf89b'),
        (346, '1f6a8351cadd18cc67242b113c3d3e2b0f85ea9f3c452a21df4ef2d5047439b8'),
    ),
    'dev26-strategi-flat-table': (
        (272, '9f712b8d9cee5888256270b8b5cf1b6b491474dca75742c4e4e32f7ae571aa32'),
        (298, '713f535ee5c7e83c0f07b7f05e1f49c2aa736dd428c6fc44f3faf81ed33128ef'),
        (306, '6bb2db3799c74e1cf25c580f972be7ed43067b8703ad0f3ed2b8f2ec0ec12016'),
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
    return base64.b64encode(zlib.compress("\n".join(sorted(_ntriples(g))).encode("utf-8"), 9)).decode()


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
