"""The fidelity dev set: constructed municipal documents with their gold, and the scorer.

`build.dev_specs()` describes the documents (invented municipalities, people and content, in
the layouts of docs/genre.md); `render.write_document` writes one as text or PDF; `gold.gold_of`
derives what a correct extraction finds in it; `scoring` compares gold with an extraction.
"""
