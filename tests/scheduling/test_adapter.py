from datetime import date

from tournage.scheduling.adapter import problem_from_script
from tournage.scheduling.model import Calendar
from tournage.screenplay.model import BreakdownTag, Script
from tournage.screenplay.model import Scene as ScriptScene


def test_script_scenes_become_strips() -> None:
    script = Script(
        scenes=[
            ScriptScene(
                index=1,
                heading="INT. CUISINE - JOUR",
                int_ext="INT",
                set_name="CUISINE",
                location="CUISINE",
                day_night="DAY",
                eighths=12,
                characters=["ANNA"],
                tags=[BreakdownTag("props", "tasse"), BreakdownTag("extras", "passants")],
            ),
            ScriptScene(
                index=2,
                heading="EXT. JARDIN - NUIT",
                int_ext="EXT",
                set_name="JARDIN",
                location="JARDIN",
                day_night="NIGHT",
                eighths=0,
                characters=["ANNA", "BRUNO"],
            ),
            ScriptScene(index=3, heading="INT. GRENIER - JOUR", omitted=True),
        ]
    )
    problem = problem_from_script(script, Calendar(start=date(2027, 3, 1)))
    first, second = problem.scenes
    assert (first.effect, first.location, first.eighths) == ("INT/JOUR", "cuisine", 12)
    assert first.elements == ("props: tasse",) and first.extras == 1
    assert (second.effect, second.eighths, second.cast) == ("EXT/NUIT", 1, ("ANNA", "BRUNO"))
    assert [m.id for m in problem.cast] == ["ANNA", "BRUNO"]
    assert {loc.id for loc in problem.locations} == {"cuisine", "jardin"}
