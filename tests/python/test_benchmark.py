"""The benchmarks run and their NumPy baselines still agree with the package (small sizes; full runs: make benchmark)."""

import importlib.util
from pathlib import Path

import pytest

BENCHMARKS = Path(__file__).resolve().parents[2] / "benchmarks"


def _laad(naam, monkeypatch):
    monkeypatch.syspath_prepend(str(BENCHMARKS))  # as when run as a script: the shared module meten beside it
    spec = importlib.util.spec_from_file_location(naam, BENCHMARKS / f"{naam}.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.mark.parametrize("naam", ["betalingsregeling", "hervormingen"])
def test_benchmark_runs_and_its_baseline_matches(naam, capsys, monkeypatch):
    _laad(naam, monkeypatch).main([20_000])  # asserts equal amounts for every household internally
    uitvoer = capsys.readouterr().out
    assert "20,000" in uitvoer and "×" in uitvoer
