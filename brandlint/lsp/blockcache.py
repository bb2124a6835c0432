"""A per-block memo in front of the spaCy pipeline, for a server that sees the same draft many times."""

from __future__ import annotations


class BlockCache:
    """spaCy's analysis of each block, kept between edits: typing changes one block of a draft, so an
    edit re-parses that block, not the other two hundred. The rules only read the Docs."""

    SIZE = 20_000
    _made: dict = {}

    def __init__(self, nlp):
        self.nlp, self.docs = nlp, {}

    @classmethod
    def around(cls, nlp):
        if id(nlp) not in cls._made:
            cls._made[id(nlp)] = cls(nlp)
        return cls._made[id(nlp)]

    def pipe(self, texts, **kwargs):
        texts = list(texts)
        missing = [text for text in dict.fromkeys(texts) if text not in self.docs]
        for text, doc in zip(missing, self.nlp.pipe(missing, **kwargs)):
            self.docs[text] = doc
        found = [self.docs[text] for text in texts]
        if len(self.docs) > self.SIZE:  # keep the newest half
            self.docs = dict(list(self.docs.items())[self.SIZE // 2:])
        return iter(found)

    def __call__(self, text):
        return next(self.pipe([text]))

    def __getattr__(self, name):
        return getattr(self.nlp, name)
