"""Drills: one real edit of a shipped spec per rule family, and what `numberhub_spec.diff` says.

Each expected rule, level, side, pointer and line is written out from the shipped YAML
(the lines are those of specs/<provider>.yaml, the old side of every diff here).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import numberhub_spec
import pytest
from numberhub_spec import RULES
from spec_diff_helpers import PLIVO_OP, changes, document, edited, only, operation, parameter

BIRD_OP = "/paths/~1organizations~1{organizationId}~1numbers-stock-items/get"
DUOPLUS_OP = "/paths/~1api~1v1~1cloudNumber~1numberList/post"
ROUNDED_OP = "/paths/~1v1~1phone-numbers/get"


def test_a_removed_filter_breaks_every_caller_that_passes_it(tmp_path: Path) -> None:
    def edit(doc: dict[str, Any]) -> None:
        operation(doc)["parameters"].remove(parameter(doc, "alias"))

    change = only(changes("plivo", edit, tmp_path))
    assert (change.rule, change.level, change.side) == (
        "request-parameter-removed",
        "breaking",
        "request",
    )
    assert change.old == f"{PLIVO_OP}/parameters/5"
    assert change.old_line == 169
    assert change.new == f"{PLIVO_OP}/parameters"
    assert "`alias`" in change.message


def test_a_removed_deprecated_parameter_is_only_a_warning(tmp_path: Path) -> None:
    def edit(doc: dict[str, Any]) -> None:
        operation(doc)["parameters"].remove(parameter(doc, "number_type"))

    change = only(changes("plivo", edit, tmp_path))
    assert (change.rule, change.level) == ("request-parameter-removed", "warning")


def test_a_request_enum_narrowed_refuses_the_value_dropped(tmp_path: Path) -> None:
    def edit(doc: dict[str, Any]) -> None:
        parameter(doc, "type")["schema"]["enum"].remove("national")

    change = only(changes("plivo", edit, tmp_path))
    assert (change.rule, change.level, change.side) == (
        "request-parameter-enum-value-removed",
        "breaking",
        "request",
    )
    assert change.old == change.new == f"{PLIVO_OP}/parameters/1/schema/enum"
    assert change.old_line == 134
    assert "'national'" in change.message


def test_an_array_filter_narrowed_in_its_items(tmp_path: Path) -> None:
    def edit(doc: dict[str, Any]) -> None:
        parameter(doc, "types")["schema"]["items"]["enum"].remove("toll-free")

    change = only(changes("bird", edit, tmp_path))
    assert (change.rule, change.level) == ("request-parameter-enum-value-removed", "breaking")
    assert change.old == f"{BIRD_OP}/parameters/4/schema/items/enum"
    assert change.old_line == 145


def test_a_new_request_enum_value_is_info(tmp_path: Path) -> None:
    def edit(doc: dict[str, Any]) -> None:
        parameter(doc, "cnam_lookup")["schema"]["enum"].append("pending")

    change = only(changes("plivo", edit, tmp_path))
    assert (change.rule, change.level) == ("request-parameter-enum-value-added", "info")


def test_a_parameter_made_required(tmp_path: Path) -> None:
    def edit(doc: dict[str, Any]) -> None:
        parameter(doc, "alias")["required"] = True

    change = only(changes("plivo", edit, tmp_path))
    assert (change.rule, change.level, change.side) == (
        "request-parameter-became-required",
        "breaking",
        "request",
    )
    assert change.old == f"{PLIVO_OP}/parameters/5"


def test_a_new_required_parameter_and_a_new_optional_one(tmp_path: Path) -> None:
    def edit(doc: dict[str, Any]) -> None:
        new = {"name": "region", "in": "query", "schema": {"type": "string"}}
        operation(doc)["parameters"] += [{**new, "required": True}, {**new, "name": "city"}]

    found = {c.rule: c for c in changes("plivo", edit, tmp_path)}
    assert set(found) == {"new-required-request-parameter", "new-optional-request-parameter"}
    assert found["new-required-request-parameter"].level == "breaking"
    assert found["new-required-request-parameter"].new == f"{PLIVO_OP}/parameters/19"
    assert found["new-optional-request-parameter"].level == "info"


def test_a_lower_page_size_maximum_is_a_breaking_paging_change(tmp_path: Path) -> None:
    def edit(doc: dict[str, Any]) -> None:
        parameter(doc, "limit")["schema"]["maximum"] = 10

    change = only(changes("plivo", edit, tmp_path))
    assert (change.rule, change.level, change.side) == (
        "request-parameter-max-decreased",
        "breaking",
        "paging",
    )
    assert change.old == f"{PLIVO_OP}/parameters/17/schema/maximum"
    assert change.old_line == 317
    assert "20 -> 10" in change.message


def test_a_higher_maximum_and_a_pattern(tmp_path: Path) -> None:
    def edit(doc: dict[str, Any]) -> None:
        parameter(doc, "limit")["schema"]["maximum"] = 50
        parameter(doc, "alias")["schema"]["pattern"] = "^[a-z ]+$"

    found = {c.rule: c.level for c in changes("plivo", edit, tmp_path)}
    assert found == {
        "request-parameter-max-increased": "info",
        "request-parameter-pattern-added": "breaking",
    }


def test_a_type_narrowed(tmp_path: Path) -> None:
    def edit(doc: dict[str, Any]) -> None:
        parameter(doc, "offset")["schema"]["type"] = "string"

    change = only(changes("plivo", edit, tmp_path))
    assert (change.rule, change.level, change.side) == (
        "request-parameter-type-changed",
        "breaking",
        "paging",
    )
    assert change.old == f"{PLIVO_OP}/parameters/18/schema/type"
    assert "'integer'" in change.message


def test_an_item_mapping_source_dropped(tmp_path: Path) -> None:
    def edit(doc: dict[str, Any]) -> None:
        operation(doc)["x-numberhub-item"]["id"] = "$.id"

    change = only(changes("rounded", edit, tmp_path))
    assert (change.rule, change.level, change.side) == (
        "item-mapping-source-removed",
        "breaking",
        "item-mapping",
    )
    assert change.old == change.new == f"{ROUNDED_OP}/x-numberhub-item/id"
    assert change.old_line == 81
    assert "$.number" in change.message


def test_an_item_mapping_field_dropped(tmp_path: Path) -> None:
    def edit(doc: dict[str, Any]) -> None:
        del operation(doc)["x-numberhub-item"]["capabilities"]["mms"]

    change = only(changes("plivo", edit, tmp_path))
    assert (change.rule, change.level, change.side) == (
        "item-mapping-field-removed",
        "breaking",
        "item-mapping",
    )
    assert change.old == f"{PLIVO_OP}/x-numberhub-item/capabilities/mms"
    assert change.old_line == 90


def test_an_item_field_phone_number_reads_removed_from_the_schema(tmp_path: Path) -> None:
    def edit(doc: dict[str, Any]) -> None:
        del doc["components"]["schemas"]["AccountPhoneNumber"]["properties"]["voice_enabled"]
        del doc["components"]["schemas"]["AccountPhoneNumber"]["properties"]["carrier"]

    found = {c.message.split("`")[1]: c for c in changes("plivo", edit, tmp_path)}
    assert found["voice_enabled"].rule == "response-optional-property-removed"
    assert (found["voice_enabled"].level, found["voice_enabled"].side) == ("breaking", "response")
    assert found["voice_enabled"].old == (
        "/components/schemas/AccountPhoneNumber/properties/voice_enabled"
    )
    assert found["carrier"].level == "warning"  # nothing numberhub reads: only .raw users


def test_a_paging_field_changed_and_a_total_removed(tmp_path: Path) -> None:
    def edit(doc: dict[str, Any]) -> None:
        ours = operation(doc)["x-numberhub-pagination"]
        ours["end"] = {"null": "$.meta.previous"}
        del ours["total_items"]

    found = {c.rule: c for c in changes("plivo", edit, tmp_path)}
    assert set(found) == {"paging-field-changed", "paging-total-removed"}
    assert (found["paging-field-changed"].level, found["paging-field-changed"].side) == (
        "breaking",
        "paging",
    )
    assert found["paging-field-changed"].old == f"{PLIVO_OP}/x-numberhub-pagination/end"
    assert found["paging-total-removed"].level == "warning"


def test_a_new_response_enum_value_is_absorbed_by_tolerant_reading(tmp_path: Path) -> None:
    def closed(doc: dict[str, Any]) -> None:
        field = doc["components"]["schemas"]["AccountPhoneNumber"]["properties"]["cnam_lookup"]
        field["enum"] = ["enabled", "disabled", None]

    def wider(doc: dict[str, Any]) -> None:
        closed(doc)
        doc["components"]["schemas"]["AccountPhoneNumber"]["properties"]["cnam_lookup"][
            "enum"
        ].append("pending")

    old = changes("plivo", closed, tmp_path)  # an enum where there was none: info
    assert [(c.rule, c.level) for c in old] == [("response-property-enum-value-removed", "info")]

    change = only(
        numberhub_spec.diff(edited("plivo", closed, tmp_path), edited("plivo", wider, tmp_path))
    )
    assert (change.rule, change.level, change.side) == (
        "response-property-enum-value-added",
        "warning",
        "response",
    )


def test_the_rate_limit_tightened_and_removed(tmp_path: Path) -> None:
    def tighter(doc: dict[str, Any]) -> None:
        operation(doc)["x-numberhub-rate-limit"]["per_seconds"] = 2

    change = only(changes("duoplus", tighter, tmp_path))
    assert (change.rule, change.level, change.side) == ("rate-limit-decreased", "warning", "limits")
    assert change.old == change.new == f"{DUOPLUS_OP}/x-numberhub-rate-limit"
    assert change.old_line == 99
    assert "1 per 1 s -> 1 per 2 s" in change.message

    def removed(doc: dict[str, Any]) -> None:
        del operation(doc)["x-numberhub-rate-limit"]

    assert only(changes("duoplus", removed, tmp_path)).rule == "rate-limit-removed"


def test_retries_no_longer_on_429(tmp_path: Path) -> None:
    def edit(doc: dict[str, Any]) -> None:
        operation(doc)["x-speakeasy-retries"]["statusCodes"] = [408, 409, "5XX"]

    change = only(changes("plivo", edit, tmp_path))
    assert (change.rule, change.level, change.side) == ("retry-status-removed", "warning", "limits")
    assert "429" in change.message


def test_the_security_scheme_changed(tmp_path: Path) -> None:
    def edit(doc: dict[str, Any]) -> None:
        doc["components"]["securitySchemes"]["accessKey"] = {"type": "http", "scheme": "bearer"}

    found = changes("bird", edit, tmp_path)
    first = found[0]
    assert (first.rule, first.level, first.side) == (
        "api-security-component-type-changed",
        "breaking",
        "auth",
    )
    assert first.old == first.new == "/components/securitySchemes/accessKey"
    assert first.old_line == 255
    assert "apiKey -> http bearer" in first.message
    assert all(c.side == "auth" for c in found)


def test_a_security_requirement_removed_and_a_new_credential(tmp_path: Path) -> None:
    def edit(doc: dict[str, Any]) -> None:
        doc["components"]["securitySchemes"]["apiKey2"] = {
            "type": "apiKey",
            "in": "header",
            "name": "X-Second",
        }
        operation(doc)["security"] = [{"basicAuth": [], "apiKey2": []}]

    found = {c.rule: c for c in changes("plivo", edit, tmp_path)}
    assert found["api-security-removed"].level == "breaking"
    assert found["auth-credential-added"].level == "breaking"
    assert "PLIVO_API_KEY2" in found["auth-credential-added"].message
    assert found["api-security-component-added"].level == "info"


def test_a_description_edit_is_info_and_an_example_is_nothing(tmp_path: Path) -> None:
    def edit(doc: dict[str, Any]) -> None:
        parameter(doc, "alias")["description"] = "Only numbers whose alias is exactly this."
        parameter(doc, "alias")["example"] = "support line"

    change = only(changes("plivo", edit, tmp_path))
    assert (change.rule, change.level) == ("request-parameter-description-changed", "info")


def test_every_rule_emitted_is_registered_with_its_levels_and_sides() -> None:
    assert all(r.level in ("breaking", "warning", "info") for r in RULES.values())
    assert {r.side for r in RULES.values()} == {
        "request",
        "response",
        "paging",
        "auth",
        "limits",
        "item-mapping",
    }
    # oasdiff's ids, where the meaning is the same
    for rule in (
        "request-parameter-removed",
        "new-required-request-parameter",
        "request-parameter-enum-value-removed",
        "request-parameter-max-decreased",
        "response-optional-property-removed",
        "api-security-removed",
    ):
        assert rule in RULES


@pytest.mark.parametrize("provider", ["bird", "butter", "duoplus", "plivo", "rounded"])
def test_a_spec_against_itself_has_no_changes(provider: str, tmp_path: Path) -> None:
    assert changes(provider, lambda doc: None, tmp_path) == ()
    assert document(provider)  # the shipped file itself was read


@pytest.mark.parametrize(
    ("old", "new", "moved"),
    [
        ("1.4.2", "2.0.0", "major"),
        ("1.4.2", "1.5.0", "minor"),
        ("1.4.2", "1.4.3", "patch"),
        ("1.4.2", "1.4.2", "none"),
        ("v1.4", "v1.4.1", "patch"),
        ("1.4.2", "1.3.9", None),
        ("2026-11-22", "2026-12-02", "minor"),  # a date has no major part
        ("2026-11-22", "2026-11-22", "none"),
        ("2026-11-22", "2.0.0", "major"),  # adopting MAJOR.MINOR.PATCH
        ("2026-11-22", "2026-01-01", None),
    ],
)
def test_how_far_info_version_moved(old: str, new: str, moved: str | None) -> None:
    from numberhub_spec._diff_report import version_bump

    assert version_bump(old, new) == moved


def test_the_suggested_bump_is_that_of_the_most_severe_level() -> None:
    from numberhub_spec import Change
    from numberhub_spec._diff_rules import bump

    def change(level: Any) -> Change:
        return Change("x", level, "request", "m")

    assert bump([]) == "none"
    assert bump([change("info")]) == "patch"
    assert bump([change("info"), change("warning")]) == "minor"
    assert bump([change("warning"), change("breaking"), change("info")]) == "major"


def test_a_json_body_filter_narrowed(tmp_path: Path) -> None:
    def edit(doc: dict[str, Any]) -> None:
        doc["components"]["schemas"]["NumberListRequest"]["properties"]["status"]["items"][
            "enum"
        ] = [1]

    change = only(changes("duoplus", edit, tmp_path))
    assert (change.rule, change.level, change.side) == (
        "request-parameter-enum-value-removed",
        "breaking",
        "request",
    )
    assert change.old == "/components/schemas/NumberListRequest/properties/status/items/enum"
    assert change.old_line == 314
    assert change.message == "the body property `status` (items): no longer accepts 2"
