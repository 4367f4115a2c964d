"""The link index of a store (graph.linking) brought up to date document by document gives what
reading the whole store gives, on the linked set ingested into a real embedded store."""
from __future__ import annotations

from styrgraf.graph import linking, queries as q
from styrgraf.graph.analysis import links as lk
from styrgraf.graph.documents import ingest_file, remove_document
from styrgraf.graph.store import cache
from styrgraf.graph.store.interface import open_store
from tests.graph.linked_set import NAMES, write_linked_set


def _fresh(store) -> lk.LinkIndex:
    """The index read from the whole store, as if nothing were cached."""
    cache.clear()
    return q.link_index(store)


def _all_links(index: lk.LinkIndex) -> dict[str, list[lk.Link]]:
    return {doc: lk.document_links(index, doc) for doc in index.facts}


def test_updated_after_each_ingest_and_removal_equals_a_fresh_read(tmp_path, monkeypatch):
    files = write_linked_set(tmp_path / "files")
    store = open_store(str(tmp_path / "store"))
    read = []
    real = linking._facts
    monkeypatch.setattr(linking, "_facts", lambda s, graphs: read.append(graphs) or real(s, graphs))
    try:
        seen = []
        for name in reversed(NAMES):
            result = ingest_file(store, files[name])
            assert result.ok
            read.clear()
            index = q.link_index(store)
            seen.append(index)
            assert len(index.facts) == len(seen)
            # Updated from the one before: the new graph is read by its IRI, never the whole store
            # (and others only when written in the same second as the newest one read before).
            assert read == [None] if len(seen) == 1 else (result.graph in read and None not in read), read
        assert len({id(i) for i in seen}) == len(NAMES)
        updated = q.link_index(store)
        links = _all_links(updated)
        fresh = _fresh(store)
        assert updated.facts == fresh.facts
        assert links == _all_links(fresh)
        assert sum(len(v) for v in links.values()) >= 16
        # An earlier index is left as it was for whoever still reads it.
        assert len(seen[0].facts) == 1 and len(seen[0].candidates(next(iter(seen[0].facts.values())))) == 0

        directive = next(d["iri"] for d in q.documents(store) if d["type"] == "projektdirektiv")
        assert remove_document(store, directive)
        after = q.link_index(store)
        assert directive not in after.facts and directive in updated.facts
        assert all(l.other != directive for ls in _all_links(after).values() for l in ls)
        assert after.facts == _fresh(store).facts
    finally:
        store.close()


def test_a_write_that_changes_no_fingerprint_reads_the_whole_store_again(tmp_path):
    files = write_linked_set(tmp_path / "files")
    store = open_store(str(tmp_path / "store"))
    try:
        for name in NAMES:
            assert ingest_file(store, files[name]).ok
        before = q.link_index(store)
        strategy = next(f for f in before.facts.values() if f.kind == "strategi")
        # A hand edit through SPARQL: the strategy's case number changes, its graph's fingerprint does not.
        store.update(q.sparql_prefixes() + f"""DELETE {{ GRAPH ?g {{ <{strategy.iri}> dcterms:identifier ?v }} }}
            INSERT {{ GRAPH ?g {{ <{strategy.iri}> dcterms:identifier "KS 2099/1" }} }}
            WHERE {{ GRAPH ?g {{ <{strategy.iri}> dcterms:identifier ?v }} }}""")
        after = q.link_index(store)
        assert after.facts[strategy.iri].own_numbers() == {"KS 2099/1"}
        assert before.facts[strategy.iri].own_numbers() == {"KS 2022/10"}
    finally:
        store.close()
