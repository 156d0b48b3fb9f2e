"""The dashboard pages: counts, failing first, row detail, history chart, exports, panel."""

from __future__ import annotations

import io
import json
import zipfile
from typing import Any

import pikepdf
import pytest
from django.urls import reverse

from tournage.web.productions.models import Role
from tournage.web.referential.models import Snapshot

pytestmark = pytest.mark.django_db


def url(name: str, production: Any, **kwargs: Any) -> str:
    return reverse(f"referential:{name}", kwargs={"production_id": production.pk, **kwargs})


def test_the_dashboard_lists_every_block_and_keeps_todays_snapshot_on_request(
    member_client: Any, production: Any
) -> None:
    client = member_client(Role.PRODUCER)
    page = client.get(url("index", production))
    assert page.status_code == 200
    text = page.content.decode()
    assert "Bloc 4" in text
    assert "Pas encore évalué" not in text  # every domain is installed and evaluates its checks
    assert "Non atteint" in text  # a fresh production has no eco-referent
    assert not Snapshot.objects.exists()  # reading never writes
    assert client.post(url("record", production)).status_code == 302
    snapshot = Snapshot.objects.get(production=production)
    assert sum(snapshot.counts.values()) == 151
    assert len(snapshot.statuses) == 151


def test_the_dashboard_shows_failing_checks_first_with_their_next_action(
    member_client: Any, production: Any
) -> None:
    # a fresh production has no eco-referent: the check falls short and says what to do
    text = member_client(Role.PRODUCER).get(url("index", production)).content.decode()
    failing = text.index("Contrôles en défaut")
    assert text.index("référent", failing) < text.index("Bloc 1")
    assert "Prochaine action" in text


def test_crew_cannot_open_the_dashboard(member_client: Any, production: Any) -> None:
    assert member_client(Role.CREW).get(url("index", production)).status_code == 403


def test_an_unknown_row_is_404(member_client: Any, production: Any) -> None:
    client = member_client(Role.PRODUCER)
    assert client.get(url("row", production, row_id="nope")).status_code == 404


def test_a_row_page_shows_its_checks_and_its_judgement_checklist(
    member_client: Any, production: Any
) -> None:
    page = member_client(Role.PRODUCER).get(url("row", production, row_id="c2_3"))
    text = page.content.decode()
    assert page.status_code == 200
    assert "Jugement humain" in text
    assert 'type="date"' in text


def test_a_producer_records_a_judgement_kept_in_the_history(
    member_client: Any, production: Any
) -> None:
    client = member_client(Role.PRODUCER)
    target = url("judge", production, row_id="c2_3", item=0)
    reply = client.post(
        target, {"j0-verdict": "met", "j0-comment": "Train retenu", "j0-decided_on": "2027-03-29"}
    )
    assert reply.status_code == 302
    judgement = production.referential_judgements.get()
    assert (judgement.verdict, judgement.comment) == ("met", "Train retenu")
    assert judgement.decided_by == client.user
    client.post(target, {"j0-verdict": "not_met", "j0-comment": "", "j0-decided_on": "2027-03-30"})
    assert judgement.history.count() == 2
    document = client.get(url("export", production, fmt="json")).json()
    assert document["judgements"][0]["verdict"] == "not_met"


def test_a_bad_judgement_changes_nothing(member_client: Any, production: Any) -> None:
    client = member_client(Role.PRODUCER)
    target = url("judge", production, row_id="c2_3", item=0)
    client.post(target, {"j0-verdict": "maybe", "j0-decided_on": "29/13/2027"})
    assert not production.referential_judgements.exists()
    assert client.post(url("judge", production, row_id="c2_3", item=99), {}).status_code == 404


def test_an_accountant_reads_but_does_not_judge(member_client: Any, production: Any) -> None:
    client = member_client(Role.ACCOUNTANT)
    assert client.get(url("row", production, row_id="c2_3")).status_code == 200
    target = url("judge", production, row_id="c2_3", item=0)
    assert client.post(target, {"j0-verdict": "met"}).status_code == 403


def test_the_history_page_draws_the_snapshots(member_client: Any, production: Any) -> None:
    client = member_client(Role.PRODUCER)
    client.post(url("record", production))
    text = client.get(url("history", production)).content.decode()
    assert "<svg" in text
    assert "<circle" in text


def test_the_portfolio_downloads(member_client: Any, production: Any) -> None:
    client = member_client(Role.PRODUCER)
    pdf = client.get(url("export", production, fmt="pdf"))
    assert pdf["Content-Type"] == "application/pdf"
    assert str(pikepdf.open(io.BytesIO(pdf.content)).Root.Lang) == "fr-FR"
    archive = zipfile.ZipFile(io.BytesIO(client.get(url("export", production, fmt="zip")).content))
    assert "portefeuille.pdf" in archive.namelist()
    document = json.loads(client.get(url("export", production, fmt="json")).content)
    assert set(document) == {"framework", "summary", "blocks", "judgements"}
    assert client.get(url("export", production, fmt="exe")).status_code == 404


def test_the_eco_referent_cannot_download_the_evidence(member_client: Any, production: Any) -> None:
    client = member_client(Role.ECO_REFERENT)
    assert client.get(url("export", production, fmt="zip")).status_code == 403


def test_the_main_dashboard_carries_the_summary_panel(member_client: Any, production: Any) -> None:
    page = member_client(Role.PRODUCER).get(
        reverse("productions:dashboard", kwargs={"production_id": production.pk})
    )
    text = page.content.decode()
    assert "Production responsable" in text
    assert "Droits et autorisations" in text
