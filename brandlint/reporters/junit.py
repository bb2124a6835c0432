"""JUnit XML for CI systems that show test reports (GitLab, Jenkins): a suite per file, a case per
finding, failing only at or above --fail-on (a warning that does not fail the run does not fail the
report: it is a passing case with the finding in <system-out>), one passing case for a clean file."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET

from brandlint.reporters import Report, location

# XML 1.0 cannot carry most control characters, even escaped; a draft can (form feeds, stray bytes).
CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")


def _clean(text: str) -> str:
    return CONTROL.sub("\ufffd", text)


def render(report: Report) -> str:
    root = ET.Element("testsuites", name="brandlint")
    total = failures = 0
    for result in report.results:
        path = report.relpath(result.path)
        suite = ET.SubElement(root, "testsuite", name=_clean(path))
        cases = failed = 0
        for finding in result.findings:
            case = ET.SubElement(suite, "testcase", classname=_clean(path),
                                 name=_clean(f"{finding.code} {finding.name} at {finding.where or f'{finding.line}:{finding.column}'}"))
            line = _clean(f"{location(path, finding)}: {finding.code} [{finding.severity}] {finding.message}")
            if report.failing(finding):
                failure = ET.SubElement(case, "failure", message=_clean(finding.message), type=finding.code)
                failure.text = line
                failed += 1
            else:
                ET.SubElement(case, "system-out").text = line
            cases += 1
        if not cases:
            ET.SubElement(suite, "testcase", classname=_clean(path), name="brandlint")
        suite.set("tests", str(max(cases, 1)))
        suite.set("failures", str(failed))
        suite.set("errors", "0")
        total += max(cases, 1)
        failures += failed
    root.set("tests", str(total))
    root.set("failures", str(failures))
    root.set("errors", "0")
    ET.indent(root)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root, encoding="unicode") + "\n"
