"""Abbreviations of the exam's levels and subjects: the short forms clerks write in their lists.

A registration export says 社会工作师; a hand-made list says 社工师 or 中级. Imports accept a
level or subject by its full name, its code, its printed short name and its abbreviations
(examdesk/services/exams.py ``known_levels``). Abbreviations are data of the exam, editable and
audited; one is refused when it would make a cell ambiguous, i.e. when it is already how
another level (or another subject of the same level) is written, and a subject's when it is
the name or abbreviation of another level's paper. Subjects are matched within their
candidate's level, so two levels' papers may share a short name (综合能力).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from examdesk.errors import BadInput
from examdesk.exchange.normalize import match_key, split_list, trim
from examdesk.i18n import translate
from examdesk.model import Level, Subject
from examdesk.services import audit
from examdesk.services.audit import Actor, Permission
from examdesk.services.exams import ExamRef, LevelNames, Names, level_names

# The abbreviations a new exam starts with, by the full name of a level or subject: how
# clerks write the social worker exam's levels (助理社会工作师 初级, 社会工作师 中级) and papers.
# The printed short names (初级, 综合能力) and the codes are accepted besides these.
COMMON_ABBREVIATIONS: dict[str, tuple[str, ...]] = {
    "助理社会工作师": ("助理社工师", "初级社会工作师", "初级社工师"),
    "社会工作师": ("社工师", "中级社会工作师", "中级社工师"),
    "社会工作综合能力(初级)": ("初级综合能力", "综合能力(初级)"),
    "社会工作实务(初级)": ("初级实务", "实务(初级)"),
    "社会工作综合能力(中级)": ("中级综合能力", "综合能力(中级)"),
    "社会工作实务(中级)": ("中级实务", "实务(中级)"),
    "社会工作法规与政策": ("法规政策",),
}

# Longest abbreviation kept (a full name is at most 100 characters).
MAX_LENGTH = 50


@dataclass(frozen=True)
class AbbreviationChange:
    """What adding or removing an abbreviation did.

    Attributes:
        subject: whether the target is a subject (else a level).
        level: the level's full name (the subject's level, for a subject).
        name: the target's full name.
        abbreviations: the target's abbreviations now.
        changed: False when there was nothing to do (already there).
    """

    subject: bool
    level: str
    name: str
    abbreviations: tuple[str, ...]
    changed: bool


@dataclass(frozen=True)
class _Target:
    level: LevelNames
    subject: Names | None

    @property
    def names(self) -> Names:
        return self.subject or self.level

    @property
    def label(self) -> str:
        if self.subject is None:
            return self.level.code
        return f"{self.level.code}/{self.subject.code}"

    def rivals(self, levels: Sequence[LevelNames]) -> tuple[Names, ...]:
        """Whose forms an abbreviation of the target must not repeat.

        For a level, the other levels. For a subject, the level's other subjects, and the
        names and abbreviations of other levels' subjects: 初级实务 says which level's paper
        it is, so it cannot stand for the 中级 one. Short names and codes of other levels'
        subjects may be shared (综合能力 is a paper of both levels).
        """
        if self.subject is None:
            return tuple(level for level in levels if level != self.level)
        return tuple(s for s in self.level.subjects if s != self.subject) + tuple(
            Names("", s.name, "", s.abbreviations)
            for level in levels if level != self.level for s in level.subjects)


def _keys(names: Names) -> set[str]:
    return {match_key(form) for form in (names.name, *names.accepted)}


def conflict(abbreviation: str, others: Sequence[Names]) -> Names | None:
    """The level or subject already written as ``abbreviation``, if any.

    Args:
        abbreviation: the abbreviation as typed.
        others: the other levels (for a level), or the level's other subjects (for a subject).

    Returns:
        The first of ``others`` whose name, short name, code or abbreviation matches
        ``abbreviation`` as an import compares them, or None.
    """
    key = match_key(abbreviation)
    return next((other for other in others if key in _keys(other)), None)


def add_abbreviation(session: Session, actor: Actor, exam: ExamRef, target: str,
                     abbreviation: str) -> AbbreviationChange:
    """Accept ``abbreviation`` for a level or subject from now on, audited.

    Args:
        target: the level or subject: full name, code, short name or an abbreviation; a
            subject of one level as ``LEVEL/SUBJECT``.
        abbreviation: the new form.

    Raises:
        BadInput: no such level or subject, several match, or the abbreviation is empty, too
            long, splits in a subject list, or is how another level (another subject of the
            level) is written.
    """
    actor.require(Permission.EDIT_PLAN, exam.id)
    levels = level_names(session, exam.id)
    found = _find(levels, target)
    text = _valid(abbreviation, found)
    names = found.names
    if match_key(text) in _keys(names):
        return _change(found, names.abbreviations, changed=False)
    taken = conflict(text, found.rivals(levels))
    if taken is not None:
        raise BadInput(translate(
            "Abbreviations", "“{abbreviation}” is already how {other} is written; one "
                             "abbreviation cannot stand for both {other} and {name}.").format(
            abbreviation=text, other=taken.name, name=names.name))
    now = (*names.abbreviations, text)
    _store(session, exam, found, now)
    audit.record(session, actor, "exam.abbreviation.add", exam_id=exam.id,
                 entity="subject" if found.subject else "level", entity_id=found.label,
                 summary=translate("Audit", "{name}: added the abbreviation {abbreviation}")
                 .format(name=names.name, abbreviation=text),
                 details={"name": names.name, "added": text})
    return _change(found, now, changed=True)


def remove_abbreviation(session: Session, actor: Actor, exam: ExamRef, target: str,
                        abbreviation: str) -> AbbreviationChange:
    """Stop accepting ``abbreviation`` for a level or subject, audited.

    Raises:
        BadInput: no such level or subject, several match, or ``abbreviation`` is not one of
            its abbreviations (its name, short name and code always stay accepted).
    """
    actor.require(Permission.EDIT_PLAN, exam.id)
    found = _find(level_names(session, exam.id), target)
    names = found.names
    key = match_key(abbreviation)
    kept = tuple(a for a in names.abbreviations if match_key(a) != key)
    if len(kept) == len(names.abbreviations):
        if key in _keys(names):
            raise BadInput(translate(
                "Abbreviations", "“{abbreviation}” is the name, short name or code of {name}, "
                                 "which stay accepted; only abbreviations can be removed."
            ).format(abbreviation=trim(abbreviation), name=names.name))
        raise BadInput(translate(
            "Abbreviations", "“{abbreviation}” is not an abbreviation of {name}; its "
                             "abbreviations are: {listed}.").format(
            abbreviation=trim(abbreviation), name=names.name,
            listed="、".join(names.abbreviations) or "-"))
    _store(session, exam, found, kept)
    removed = next(a for a in names.abbreviations if match_key(a) == key)
    audit.record(session, actor, "exam.abbreviation.remove", exam_id=exam.id,
                 entity="subject" if found.subject else "level", entity_id=found.label,
                 summary=translate("Audit", "{name}: removed the abbreviation {abbreviation}")
                 .format(name=names.name, abbreviation=removed),
                 details={"name": names.name, "removed": removed})
    return _change(found, kept, changed=True)


def _change(found: _Target, abbreviations: tuple[str, ...], *,
            changed: bool) -> AbbreviationChange:
    return AbbreviationChange(found.subject is not None, found.level.name, found.names.name,
                              abbreviations, changed)


def _valid(abbreviation: str, found: _Target) -> str:
    """The abbreviation trimmed, or why it cannot be one."""
    text = trim(abbreviation)
    if not match_key(text):
        raise BadInput(translate("Abbreviations", "Write the abbreviation, e.g. 社工师."))
    if len(text) > MAX_LENGTH:
        raise BadInput(translate(
            "Abbreviations", "An abbreviation has at most {most} characters; “{abbreviation}” "
                             "has {length}.").format(most=MAX_LENGTH, abbreviation=text,
                                                     length=len(text)))
    if found.subject is not None and split_list(text) != [text]:
        # a candidate's subjects cell is split at these before each item is matched
        raise BadInput(translate(
            "Abbreviations", "“{abbreviation}” cannot be a subject's abbreviation: a list of "
                             "subjects is split at spaces and at 、 , ; / |, so it would never "
                             "match.").format(abbreviation=text))
    return text


def _find(levels: Sequence[LevelNames], target: str) -> _Target:
    """The level or subject ``target`` names (``LEVEL/SUBJECT`` for a subject of one level)."""
    text = trim(target)
    if "/" in text:
        level_text, _, subject_text = text.partition("/")
        level = _one(text, [_Target(lv, None) for lv in levels], level_text)
        if level is None:
            raise _unknown(text, levels)
        found = _one(text, [_Target(level.level, s) for s in level.level.subjects],
                     subject_text)
        if found is None:
            raise BadInput(translate(
                "Abbreviations", "Level {level} has no subject written “{subject}”; its "
                                 "subjects are {subjects}.").format(
                level=level.level.name, subject=subject_text.strip(),
                subjects=", ".join(f"{s.code} {s.name}" for s in level.level.subjects) or "-"))
        return found
    every = [_Target(lv, None) for lv in levels] + [
        _Target(lv, s) for lv in levels for s in lv.subjects]
    found = _one(text, every, text)
    if found is None:
        raise _unknown(text, levels)
    return found


def _unknown(target: str, levels: Sequence[LevelNames]) -> BadInput:
    return BadInput(translate(
        "Abbreviations", "No level or subject of the exam is written “{target}”; the levels "
                         "are {levels}.").format(
        target=target, levels=", ".join(lv.name for lv in levels) or "-"))


def _one(target: str, choices: Sequence[_Target], text: str) -> _Target | None:
    """The choice written as ``text``: by full name, else code, else short name or
    abbreviation; None when none is; refuses several."""
    key = match_key(text)
    tiers: tuple[Callable[[Names], set[str]], ...] = (
        lambda n: {match_key(n.name)}, lambda n: {match_key(n.code)}, _keys)
    for tier in tiers:
        matched = [c for c in choices if key and key in tier(c.names)]
        if len(matched) == 1:
            return matched[0]
        if matched:
            raise BadInput(translate(
                "Abbreviations", "“{target}” could mean {names}; write the full name, or "
                                 "the level's and subject's codes as LEVEL/SUBJECT: {codes}."
            ).format(target=target, names=", ".join(c.names.name for c in matched),
                     codes=", ".join(c.label for c in matched)))
    return None


def _store(session: Session, exam: ExamRef, found: _Target,
           abbreviations: tuple[str, ...]) -> None:
    level = session.scalar(select(Level).where(Level.exam_id == exam.id,
                                               Level.id == found.level.id))
    assert level is not None
    if found.subject is None:
        level.abbreviations = list(abbreviations)
    else:
        subject = session.scalar(select(Subject).where(
            Subject.level_id == level.id, Subject.code == found.subject.code))
        assert subject is not None
        subject.abbreviations = list(abbreviations)
    session.flush()
