"""Author contracts written by tournage (DOCX, PDF) from ``author_template.yaml``: one
article per right assigned with its field (CPI L131-3) and remuneration (L132-25), the
yearly statement (L132-28), the conservation of elements (L132-24)."""

from __future__ import annotations

from dataclasses import dataclass

from tournage.common.formatting import format_date
from tournage.common.rules import RuleTable
from tournage.labor.documents import sections_docx, sections_pdf
from tournage.rights.authors import AuthorContractFacts, role_label


@dataclass(frozen=True)
class Article:
    heading: str
    text: str


@dataclass(frozen=True)
class AuthorTemplate:
    source: str
    title: str
    missing: str
    articles: tuple[Article, ...]
    right_article: Article
    closing_articles: tuple[Article, ...]
    signatures: str
    remuneration: dict[str, str]


TEMPLATE = RuleTable("rights/author_template.yaml", AuthorTemplate)


def sections(
    contract: AuthorContractFacts, producer: str, work: str, society: str = ""
) -> list[tuple[str, str]]:
    """(heading, paragraph) pairs of the contract, in order."""
    template = TEMPLATE.load()

    def given(value: str) -> str:
        return value.strip() or template.missing

    values = {
        "producer": given(producer),
        "work": given(work),
        "author": given(contract.author),
        "role": role_label(contract.role),
        "society": given(society),
        "statements": (
            f", à partir du {format_date(contract.statements_from)}"
            if contract.statements_from
            else ""
        ),
    }
    out = [(a.heading, a.text.format_map(values)) for a in template.articles]
    for right in contract.rights:
        fields = {
            "right": given(right.right),
            "mode": given(right.mode),
            "territory": given(right.territory),
            "duration": given(right.duration),
            "remuneration": template.remuneration.get(right.remuneration, template.missing),
            "terms": f" ({right.terms})" if right.terms.strip() else "",
        }
        article = template.right_article
        out.append((article.heading.format_map(fields), article.text.format_map(fields)))
    out += [(a.heading, a.text.format_map(values)) for a in template.closing_articles]
    out.append(("", template.signatures))
    return out


def contract_docx(
    contract: AuthorContractFacts, producer: str, work: str, society: str = ""
) -> bytes:
    return sections_docx(TEMPLATE.load().title, sections(contract, producer, work, society))


def contract_pdf(
    contract: AuthorContractFacts, producer: str, work: str, society: str = ""
) -> bytes:
    return sections_pdf(TEMPLATE.load().title, sections(contract, producer, work, society))
