#!/usr/bin/env python3
"""Generates schema/migrations/0003_reference_2018.sql from the CSV files in schema/data/.

The reference data is the 2018 catalogue edition of the WCO Framework of Standards on Cross-Border
E-Commerce, its 15 standards, the WCO's six regions and the WCO Members. Every seeded row has a
fixed id, uuid5(CADRE_NS, key), so every device and the server name it alike.

Usage (from anywhere; python3 standard library only):
  python3 schema/tools/gen_reference.py                  write the migration
  python3 schema/tools/gen_reference.py --check          exit 1 if the migration is out of date
  python3 schema/tools/gen_reference.py --refresh-member-names
      rewrite name_en/name_fr of schema/data/members.csv from Debian's iso-codes (package
      iso-codes: English from iso_3166-1.json, French from the iso_3166-1 gettext catalogue)
"""
import argparse
import csv
import gettext
import io
import json
import re
import sys
import uuid
from pathlib import Path

CADRE_NS = uuid.UUID("5f0c3b1e-8a4d-5c2f-9e7b-1d3a6c8f0b24")
SCHEMA_DIR = Path(__file__).resolve().parent.parent
DATA_DIR = SCHEMA_DIR / "data"
OUTPUT = SCHEMA_DIR / "migrations" / "0003_reference_2018.sql"
EDITION_YEAR = 2018
EDITION_TITLE_EN = "WCO Framework of Standards on Cross-Border E-Commerce"
EDITION_TITLE_FR = "Cadre de normes de l'OMD pour le commerce électronique transfrontalier"
CONFIDENCE = {"confirmed", "content_confirmed", "to_confirm"}
MEMBER_FIELDS = ["iso3", "name_en", "name_fr", "region_code", "source_confidence", "note"]
ISO_JSON = Path("/usr/share/iso-codes/json/iso_3166-1.json")


def seed_id(key: str) -> str:
    """The fixed id of a seeded row, e.g. seed_id('member/FRA')."""
    return str(uuid.uuid5(CADRE_NS, key))


def read_csv(name: str) -> list:
    with open(DATA_DIR / name, newline="", encoding="utf-8") as f:
        return list(csv.DictReader(f))


def sql(value) -> str:
    """A SQL literal: NULL for None or empty text, numbers as is, text quoted."""
    if value is None or value == "":
        return "NULL"
    if isinstance(value, int):
        return str(value)
    text = str(value)
    if "\0" in text:
        raise ValueError(f"NUL character in {text!r}")
    return "'" + text.replace("'", "''") + "'"


def insert(table: str, row: dict) -> str:
    columns = ", ".join(row)
    values = ", ".join(sql(v) for v in row.values())
    return f"INSERT INTO {table} ({columns}) VALUES ({values}) ON CONFLICT DO NOTHING;"


def fail(message: str):
    sys.exit(f"gen_reference: {message}")


def standards_sql(edition_id: str) -> list:
    rows = sorted(read_csv("fos-standards-2018.csv"), key=lambda r: int(r["number"]))
    out = []
    for r in rows:
        if int(r["edition"]) != EDITION_YEAR:
            fail(f"standard {r['number']} is of edition {r['edition']}, not {EDITION_YEAR}")
        confidence = r["source_confidence"].strip().replace(" ", "_")
        if confidence not in CONFIDENCE:
            fail(f"standard {r['number']}: unknown source_confidence {r['source_confidence']!r}")
        out.append(insert("standard", {
            "id": seed_id(f"standard/{edition_id}/{int(r['number'])}"), "deleted": 0,
            "edition_id": edition_id, "number": int(r["number"]),
            "group_number": int(r["group_number"]), "group_en": r["group_en"].strip(),
            "group_fr": (r.get("group_fr") or "").strip(), "title_en": r["title_en"].strip(),
            "title_fr": r["title_fr"].strip(), "source_confidence": confidence}))
    if len(out) != 15:
        fail(f"expected the 15 standards of {EDITION_YEAR}, found {len(out)}")
    return out


def regions_sql() -> tuple:
    rows = sorted(read_csv("wco-regions.csv"), key=lambda r: r["code"])
    out = [insert("region", {"id": seed_id(f"region/{r['code']}"), "deleted": 0,
                             "code": r["code"], "name_en": r["name_en"], "name_fr": r["name_fr"]})
           for r in rows]
    return out, {r["code"]: seed_id(f"region/{r['code']}") for r in rows}


def members_sql(region_ids: dict) -> list:
    rows = sorted(read_csv("members.csv"), key=lambda r: r["iso3"])
    out, seen = [], set()
    for r in rows:
        iso3 = r["iso3"]
        if not re.fullmatch(r"[A-Z]{3}", iso3) or iso3 in seen:
            fail(f"members.csv: bad or duplicate iso3 {iso3!r}")
        seen.add(iso3)
        if r["region_code"] not in region_ids:
            fail(f"members.csv: {iso3} has unknown region {r['region_code']!r}")
        if r["source_confidence"] not in ("confirmed", "to_confirm"):
            fail(f"members.csv: {iso3} has source_confidence {r['source_confidence']!r}")
        if not r["name_en"] or not r["name_fr"]:
            fail(f"members.csv: {iso3} lacks a name (run --refresh-member-names)")
        if r["source_confidence"] == "to_confirm":
            out.append(f"-- to_confirm: {r['note'] or 'unverified'}")
        out.append(insert("member", {
            "id": seed_id(f"member/{iso3}"), "deleted": 0, "iso3": iso3,
            "name_en": r["name_en"], "name_fr": r["name_fr"],
            "region_id": region_ids[r["region_code"]], "letter_of_intent_on": None,
            "mercator_track": "none"}))
    return out


HEADER = """\
-- 0003 reference_2018: GENERATED by schema/tools/gen_reference.py. Do not edit by hand.
-- Regenerate: python3 schema/tools/gen_reference.py  (check: add --check)
-- Sources: schema/data/fos-standards-2018.csv, wco-regions.csv, members.csv.
-- Ids are fixed, so every device and the server name these records alike: uuid5(CADRE_NS, key)
-- with CADRE_NS = {ns} and keys 'catalogue_edition/2018',
-- 'standard/<edition id>/<number>', 'region/<code>', 'member/<ISO3>'.
-- ON CONFLICT DO NOTHING: a database that already holds one of these records (synced from HQ,
-- perhaps corrected there) keeps its own values. Nothing is ever overwritten.
-- Members: ISO 3166-1 names from Debian's iso-codes. The European Union, which takes part in the
-- WCO with rights akin to membership, is not an ISO 3166-1 country and is left out. Rows marked
-- to_confirm (membership or region not verified against the WCO's own list) say so above them.
"""


def generate() -> str:
    edition_id = seed_id(f"catalogue_edition/{EDITION_YEAR}")
    regions, region_ids = regions_sql()
    lines = [HEADER.format(ns=CADRE_NS), "-- The catalogue edition of 2018 and its 15 standards."]
    lines.append(insert("catalogue_edition", {
        "id": edition_id, "deleted": 0, "year": EDITION_YEAR, "title_en": EDITION_TITLE_EN,
        "title_fr": EDITION_TITLE_FR, "status": "in_force", "published_on": None}))
    lines += standards_sql(edition_id)
    lines += ["", "-- The WCO's six regions."] + regions
    members = members_sql(region_ids)
    count = sum(1 for line in members if line.startswith("INSERT"))
    lines += ["", f"-- The WCO Members ({count})."] + members
    return "\n".join(lines) + "\n"


def refresh_member_names():
    """Rewrites name_en/name_fr of members.csv from iso-codes, keeping every other column."""
    entries = {e["alpha_3"]: e for e in json.loads(ISO_JSON.read_text("utf-8"))["3166-1"]}
    french = gettext.translation("iso_3166-1", localedir="/usr/share/locale", languages=["fr"])
    rows = sorted(read_csv("members.csv"), key=lambda r: r["iso3"])
    for r in rows:
        entry = entries.get(r["iso3"])
        if entry is None:
            fail(f"{r['iso3']} is not in {ISO_JSON}")
        r["name_en"] = entry["name"]
        r["name_fr"] = french.gettext(entry["name"])
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=MEMBER_FIELDS, lineterminator="\n")
    writer.writeheader()
    writer.writerows({k: r.get(k, "") for k in MEMBER_FIELDS} for r in rows)
    (DATA_DIR / "members.csv").write_text(out.getvalue(), "utf-8")


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="exit 1 if the SQL is out of date")
    parser.add_argument("--refresh-member-names", action="store_true",
                        help="rewrite member names in members.csv from Debian's iso-codes")
    args = parser.parse_args()
    if args.refresh_member_names:
        refresh_member_names()
        return
    text = generate()
    if args.check:
        current = OUTPUT.read_text("utf-8") if OUTPUT.exists() else ""
        if current != text:
            sys.exit(f"{OUTPUT} is out of date: run python3 schema/tools/gen_reference.py")
        return
    OUTPUT.write_text(text, "utf-8")


if __name__ == "__main__":
    main()
