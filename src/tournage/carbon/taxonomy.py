"""Categories of activity, Carbon'Clap's input sections and albert's groups."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from tournage.carbon.errors import CarbonError
from tournage.carbon.tables import TAXONOMY


@dataclass(frozen=True)
class Category:
    id: str
    label_fr: str
    section: str
    albert_group: str


@dataclass(frozen=True)
class Taxonomy:
    categories: dict[str, Category]
    sections: dict[str, str]  # id -> French label, in Carbon'Clap order
    albert_groups: dict[str, str]
    out_of_cnc_scope: frozenset[str]

    def category(self, category_id: str) -> Category:
        try:
            return self.categories[category_id]
        except KeyError:
            raise CarbonError(
                "category.unknown", f"Catégorie inconnue : « {category_id} »."
            ) from None

    def check_section(self, section: str) -> str:
        if section not in self.sections:
            known = ", ".join(self.sections)
            raise CarbonError("section.unknown", f"Section inconnue : « {section} » ({known}).")
        return section


@cache
def taxonomy() -> Taxonomy:
    data = TAXONOMY.load()
    return Taxonomy(
        categories={
            key: Category(key, spec.label_fr, spec.section, spec.albert_group)
            for key, spec in data.categories.items()
        },
        sections={key: spec.label_fr for key, spec in data.sections.items()},
        albert_groups={key: spec.label_fr for key, spec in data.albert_groups.items()},
        out_of_cnc_scope=frozenset(
            key for key, spec in data.sections.items() if spec.out_of_cnc_scope
        ),
    )
