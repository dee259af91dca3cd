"""Speed-up `docbin`: the bytes are DocBin's own format, read back by DocBin, whatever is on or off."""

from __future__ import annotations

import zlib

import pytest
import srsly

from generator import speedups
from generator.nlp.model import doc_from_bytes, doc_to_bytes, parse_one
from generator.speedups.docbin import docbin_bytes

pytestmark = pytest.mark.slow  # parses with spaCy
TEXT = "Zorblat Quennik, Vexmoria's envoy, said on Monday the talks had stalled.\n\nThey resume in Ulvang."


def signature(doc) -> list[tuple]:
    return [(t.text, t.tag_, t.pos_, t.lemma_, t.dep_, t.head.i, t.is_sent_start, t.ent_type_, str(t.morph), t.norm_)
            for t in doc]


def test_the_bytes_carry_every_string_they_use():
    """Read back into an empty vocabulary, so a string left out of the table would fail."""
    from spacy.tokens import DocBin
    from spacy.vocab import Vocab

    doc = parse_one(TEXT)
    [back] = DocBin().from_bytes(docbin_bytes(doc)).get_docs(Vocab())
    assert back.text == TEXT and signature(back) == signature(doc)
    assert [(e.text, e.label_) for e in back.ents] == [(e.text, e.label_) for e in doc.ents]


def test_the_bytes_are_what_docbin_itself_writes_apart_from_compression():
    from spacy.tokens import DocBin

    doc = parse_one(TEXT)
    ours = srsly.msgpack_loads(zlib.decompress(docbin_bytes(doc)))
    theirs = srsly.msgpack_loads(zlib.decompress(DocBin(store_user_data=False, docs=[doc]).to_bytes()))
    assert set(ours["strings"]) >= set(theirs["strings"]) - {""}
    del ours["strings"], theirs["strings"]
    assert ours == theirs


def test_turned_off_the_library_writes_the_bytes_and_the_parse_reads_back_the_same():
    doc = parse_one(TEXT)
    try:
        speedups.use(speedups.ALL - {"docbin"})
        plain = doc_to_bytes(doc)
    finally:
        speedups.use(speedups.ALL)
    from spacy.tokens import DocBin

    assert plain == DocBin(docs=[doc], store_user_data=False).to_bytes()
    assert signature(doc_from_bytes(plain)) == signature(doc_from_bytes(doc_to_bytes(doc))) == signature(doc)
