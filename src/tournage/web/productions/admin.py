from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from .models import Location, Membership, Person, Production


class MembershipInline(admin.TabularInline[Membership, Production]):
    model = Membership
    extra = 0


@admin.register(Production)
class ProductionAdmin(SimpleHistoryAdmin):  # type: ignore[misc]  # untyped library
    list_display = ["title", "format", "phase", "budget_envelope", "currency"]
    list_filter = ["format", "phase"]
    search_fields = ["title"]
    inlines = [MembershipInline]


@admin.register(Person)
class PersonAdmin(SimpleHistoryAdmin):  # type: ignore[misc]  # untyped library
    list_display = ["last_name", "first_name", "kind", "functions", "production"]
    list_filter = ["kind", "production"]
    search_fields = ["last_name", "first_name", "email"]


@admin.register(Location)
class LocationAdmin(admin.ModelAdmin[Location]):
    list_display = ["name", "city", "power_source", "production"]
    list_filter = ["production"]
