"""The JSON Schema of the problem format stays in step with ``problem_io.to_dict``."""

import json
from datetime import time
from importlib.resources import files
from typing import Any

from scheduling.builders import make_problem
from tournage.scheduling.model import Scene, Unit, WeatherCover
from tournage.scheduling.problem_io import to_dict


def schema() -> dict[str, Any]:
    text = files("tournage.data").joinpath("scheduling/problem.schema.json").read_text()
    document: dict[str, Any] = json.loads(text)
    return document


def test_schema_names_every_field_the_writer_produces() -> None:
    problem = make_problem(
        [Scene("1", "studio", minutes=60, unit="b", weather_cover=True)],
        units=(Unit("main", "Principale"), Unit("b", "Deuxième", day_cost=500, span=False)),
        weather_cover=WeatherCover(enabled=True),
        split_call=time(14, 0),
    )
    document, properties = to_dict(problem), schema()["properties"]
    assert set(document) == set(properties)
    for key in ("cast", "locations", "scenes", "units"):
        assert set(document[key][0]) == set(properties[key]["items"]["properties"]), key
    assert set(document["weather_cover"]) == set(properties["weather_cover"]["properties"])
    assert set(document["weights"]) == set(properties["weights"]["properties"])
    assert set(document["calendar"]) == set(properties["calendar"]["properties"])


def test_schema_requires_what_the_reader_requires() -> None:
    assert schema()["required"] == ["calendar", "scenes", "locations"]
