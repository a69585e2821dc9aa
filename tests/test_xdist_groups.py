"""The suite's pytest-xdist groups hold: under ``--dist loadgroup`` a grouped test's
id carries its group's name, which is how pytest-xdist keeps a group on one worker,
and with it the module and session builds its tests share (``make dist`` once)."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.xdist_group("group-check")


def test_a_grouped_test_carries_its_group(request):
    if getattr(request.config.option, "loadgroup", None) is not True:
        pytest.skip("not run under pytest-xdist's --dist loadgroup")
    assert request.node.nodeid.endswith("@group-check"), request.node.nodeid
