"""Input bounds of the probe: TTML depth and cue count refused while reading; the members
form tells nothing about existing accounts."""

from __future__ import annotations

import re
import tracemalloc
from typing import Any

import pytest

from tournage.accessibility.errors import SubtitleFormatError
from tournage.accessibility.readers import read_subtitles
from tournage.accessibility.rules import reading_limits
from tournage.web.productions.models import Role

HEAD = b'<tt xmlns="http://www.w3.org/ns/ttml"><body><div>'
TAIL = b"</div></body></tt>"


def _cue(n: int) -> bytes:
    return f'<p begin="{n}s" end="{n}.5s">Ligne {n}</p>'.encode()


def test_a_ttml_file_within_the_bounds_is_read() -> None:
    document = read_subtitles(HEAD + b"".join(_cue(n) for n in range(50)) + TAIL)
    assert len(document.cues) == 50


def test_deep_nesting_is_refused_without_recursion_error() -> None:
    depth = 100_000  # the probe's kind of file: a RecursionError before
    data = HEAD + b"<span>" * depth + b"x" + b"</span>" * depth + TAIL
    with pytest.raises(SubtitleFormatError) as caught:
        read_subtitles(data)
    assert caught.value.code == "subtitles.too_deep"


def test_too_many_cues_are_refused_while_reading() -> None:
    count = reading_limits().max_cues + 1
    data = HEAD + b"".join(_cue(n) for n in range(count)) + TAIL
    with pytest.raises(SubtitleFormatError) as caught:
        read_subtitles(data)
    assert caught.value.code == "subtitles.too_many_cues"


def test_millions_of_empty_elements_are_refused_before_they_are_all_built() -> None:
    data = HEAD + b"<p>" + b"<br/>" * 2_000_000 + b"</p>" + TAIL  # 10 MB
    tracemalloc.start()
    with pytest.raises(SubtitleFormatError):
        read_subtitles(data)
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    assert peak < 200 * 1024 * 1024


@pytest.mark.django_db
def test_the_members_form_answers_alike_for_known_and_unknown_addresses(
    member_client: Any, production: Any, make_user: Any
) -> None:
    known = make_user("claire")
    known.email, known.first_name, known.last_name = "claire@example.org", "Claire", "Denis"
    known.save()
    producer = member_client(Role.PRODUCER)
    answers = []
    for email in ("claire@example.org", "nobody@example.org"):
        response = producer.post(
            f"/p/{production.pk}/members/", {"email": email, "role": Role.CREW}, follow=True
        )
        page = response.content.decode()
        answers.append(re.search(r'<ul class="messages">.*?</ul>', page, re.S).group(0))
        assert f"<td>{email}</td>" in page  # listed as typed, not by the account's name
    assert answers[0] == answers[1]
    assert "Claire Denis" not in page


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("url", "field", "value"),
    [
        ("locations/new/", "latitude", "91"),
        ("locations/new/", "longitude", "-180,5"),
        ("locations/new/", "longitude", "1" + "0" * 30),
        ("people/new/", "home_latitude", "-90,01"),
        ("people/new/", "daily_rate", "-1"),
        ("edit/", "budget_envelope", "-5"),
        ("delivery/", "duration_tolerance_s", "-2"),
        ("delivery/", "target_duration_s", "1" + "0" * 30),
    ],
)
def test_numbers_outside_their_domain_are_form_errors(
    member_client: Any, production: Any, url: str, field: str, value: str
) -> None:
    client = member_client(Role.PRODUCER)
    form = client.get(f"/p/{production.pk}/{url}").context["form"]
    data = {name: form[name].value() or "" for name in form.fields}
    data.update({"name": "Lieu", "first_name": "A", "last_name": "B", "title": "T"})
    data[field] = value
    response = client.post(f"/p/{production.pk}/{url}", data)
    assert response.status_code == 200  # the form again, nothing saved
    assert field in response.context["form"].errors
