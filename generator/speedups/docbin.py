"""A parse's DocBin bytes in a third of the time spaCy's DocBin takes (speed-up `docbin`).

Every parse of a cold run is cached, so this is paid per article. DocBin.add gathers its
string table token by token in Python (nine strings per token); here the table is every
distinct hash of the string-valued columns, looked up once. The bytes are the format
`DocBin.from_bytes` reads: tests compare them with DocBin's own, apart from compression.
"""

from __future__ import annotations

from functools import lru_cache


def docbin_bytes(doc) -> bytes:
    """The bytes `DocBin(docs=[doc]).to_bytes()` writes, compressed at zlib's fastest level
    (the reader does not care which level wrote it)."""
    import zlib

    import numpy
    from spacy.attrs import SPACY
    from spacy.tokens import DocBin

    empty = DocBin(store_user_data=False)
    tokens = doc.to_array(empty.attrs)
    keys = numpy.unique(tokens[:, _string_columns(tuple(empty.attrs))])
    strings = {doc.vocab.strings[key] for key in keys.tolist() if key}
    for group in doc.spans.values():
        for span in group:
            strings.add(span.label_)
            for key, value in ((span.kb_id, span.kb_id_), (span.id, span.id_)):
                if key in doc.vocab.strings:
                    strings.add(value)
    msg = {
        "version": empty.version,
        "attrs": empty.attrs,
        "tokens": tokens.tobytes("C"),
        "spaces": numpy.asarray(doc.to_array(SPACY).reshape(-1, 1), dtype=bool).tobytes("C"),
        "lengths": numpy.asarray([len(tokens)], dtype="int32").tobytes("C"),
        "strings": sorted(strings),
        "cats": [doc.cats],
        "flags": [{"has_unknown_spaces": doc.has_unknown_spaces}],
        "span_groups": [doc.spans.to_bytes()],
    }
    return zlib.compress(_packer().pack(msg), 1)


@lru_cache(maxsize=1)
def _packer():
    """srsly's msgpack packer, made once: `srsly.msgpack_dumps` makes one per call, and each
    looks its encoders up in the installed packages' entry points (a millisecond a parse)."""
    import srsly

    return srsly.msgpack.Packer(use_bin_type=True)


@lru_cache(maxsize=4)
def _string_columns(attrs: tuple[int, ...]) -> list[int]:
    """The columns of a DocBin token array that hold string hashes (the rest are numbers)."""
    from spacy import attrs as ids

    named = {ids.ORTH, ids.NORM, ids.TAG, ids.LEMMA, ids.MORPH, ids.DEP, ids.ENT_TYPE, ids.ENT_KB_ID, ids.ENT_ID}
    return [i for i, attr in enumerate(attrs) if attr in named]
