"""SARIF 2.1.0 for code scanning (GitHub and others). Validated against the schema in the tests."""

from __future__ import annotations

import json
from urllib.parse import quote

from brandlint import __version__
from brandlint.fingerprints import fingerprints
from brandlint.paths import relative
from brandlint.reporters import Report

LEVELS = {"error": "error", "warning": "warning", "info": "note"}
URI = "https://github.com/brandlint/brandlint"


def _rule(rule) -> dict:
    title = rule.name.replace("-", " ").capitalize()
    help_text = rule.description or rule.message
    return {
        "id": rule.code,
        "name": "".join(part.capitalize() for part in rule.name.split("-")),
        "shortDescription": {"text": f"{title} ({rule.family})"},
        "fullDescription": {"text": help_text},
        "help": {"text": f"{help_text}\n\nRun `brandlint explain {rule.code}` for examples.",
                 "markdown": f"{help_text}\n\nRun `brandlint explain {rule.code}` for examples."},
        "defaultConfiguration": {"level": LEVELS[str(rule.severity)]},
        "properties": {"tags": ["brandlint", rule.family]},
    }


def render(report: Report) -> str:
    rules = list(report.rules)
    index = {r.code: i for i, r in enumerate(rules)}
    results = []
    for result in report.results:
        path = report.relpath(result.path)
        prints = fingerprints(path, result.findings)
        uri = quote(relative(result.path, report.root).encode("utf-8", "surrogateescape"), safe="/")
        for finding, fp in zip(result.findings, prints):
            location = {
                "physicalLocation": {
                    "artifactLocation": {"uri": uri, "uriBaseId": "%SRCROOT%"},
                    "region": {"startLine": finding.line, "startColumn": finding.column,
                               "endLine": finding.end_line,
                               "endColumn": max(finding.end_column, finding.column)},
                }
            }
            if finding.where:
                location["physicalLocation"]["region"] = {"startLine": 1, "startColumn": 1, "endLine": 1,
                                                          "endColumn": 1}
                location["logicalLocations"] = [{"fullyQualifiedName": finding.where, "kind": "element"}]
            item = {
                "ruleId": finding.code,
                "level": LEVELS[str(finding.severity)],
                "message": {"text": finding.message + (f" [{finding.where}]" if finding.where else "")},
                "locations": [location],
                "partialFingerprints": {"brandlint/v1": fp},
            }
            if finding.code in index:
                item["ruleIndex"] = index[finding.code]
            if finding.suggestions:
                item["properties"] = {"suggestions": list(finding.suggestions)}
            results.append(item)
    sarif = {
        "$schema": "https://json.schemastore.org/sarif-2.1.0.json",
        "version": "2.1.0",
        "runs": [{
            "tool": {"driver": {"name": "brandlint", "version": __version__, "semanticVersion": __version__,
                                "informationUri": URI, "rules": [_rule(r) for r in rules]}},
            "originalUriBaseIds": {"%SRCROOT%": {"uri": report.root.resolve().as_uri() + "/"}},
            "columnKind": "unicodeCodePoints",
            "results": results,
        }],
    }
    return json.dumps(sarif, indent=2, ensure_ascii=False) + "\n"
