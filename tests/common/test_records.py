"""Records: what the screenplay model and rule tables need of a dataclass, and typed reading."""

from __future__ import annotations

import pickle

import pytest

from tournage.common.records import Record, RecordError, convert, field


class Point(Record, frozen=True):
    x: int
    y: int = 0


class Bag(Record):
    name: str
    items: list[str] = field(default_factory=list)
    tags: dict[str, int] = {}  # an empty default is made anew for each record


class Table(Record, frozen=True):
    source: str
    points: tuple[Point, ...]
    words: frozenset[str]
    by_key: dict[str, Point]
    ratio: float
    note: str | None = None


def test_construction_defaults_and_equality() -> None:
    assert Point(1) == Point(x=1, y=0) != Point(1, 2)
    assert repr(Point(1, 2)) == "Point(x=1, y=2)"
    first, second = Bag("a"), Bag("b")
    first.items.append("x")
    first.tags["k"] = 1
    assert second.items == [] and second.tags == {}
    assert Bag.__fields__ == ("name", "items", "tags")
    with pytest.raises(TypeError):
        Point()  # type: ignore[call-arg]


def test_frozen_records_are_immutable_and_hashable() -> None:
    point = Point(1, 2)
    with pytest.raises(AttributeError):
        point.x = 3  # type: ignore[misc]
    assert {point, Point(1, 2)} == {point}
    assert point.replace(y=5) == Point(1, 5)
    assert pickle.loads(pickle.dumps(point)) == point
    with pytest.raises(TypeError):
        hash(Bag("a"))


def test_convert_reads_a_document_into_its_types() -> None:
    table = convert(
        {
            "source": "s",
            "points": [{"x": 1}, {"x": 2, "y": 3}],
            "words": ["a", "b"],
            "by_key": {"k": {"x": 4}},
            "ratio": 1,
            "unknown": "ignored",
        },
        Table,
    )
    assert table == Table("s", (Point(1), Point(2, 3)), frozenset("ab"), {"k": Point(4)}, 1.0)
    assert isinstance(table.ratio, float) and table.note is None


@pytest.mark.parametrize(
    ("document", "where"),
    [
        ({"points": [], "words": [], "by_key": {}, "ratio": 1}, "source"),
        (
            {"source": "s", "points": [{"x": "1"}], "words": [], "by_key": {}, "ratio": 1},
            "$.points[0].x",
        ),
        ({"source": "s", "points": [], "words": [1], "by_key": {}, "ratio": 1}, "$.words[0]"),
        ({"source": "s", "points": [], "words": [], "by_key": {}, "ratio": True}, "$.ratio"),
        ({"source": "s", "points": [], "words": [], "by_key": {}, "ratio": 1, "note": 2}, "$.note"),
    ],
)
def test_convert_names_the_bad_value(document: dict[str, object], where: str) -> None:
    with pytest.raises(RecordError, match=where.replace("[", r"\[").replace("$", r"\$")):
        convert(document, Table)
