"""A non-editable install of the built wheel in a fresh virtualenv carries the parameters and reforms and runs the rules."""

import subprocess
import sys
import venv

REPO_FILES = ("setup.py", "README.md")


def _run(*command, cwd=None):
    return subprocess.run(command, cwd=cwd, check=True, capture_output=True, text=True)


def test_wheel_installs_and_computes_mark_outside_the_checkout(tmp_path):
    from conftest import REPO

    wheels = tmp_path / "wheels"
    _run(sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "-w", str(wheels), str(REPO))
    (wheel,) = wheels.glob("openfisca_toeslagen-*.whl")
    omgeving = tmp_path / "venv"
    venv.create(omgeving, with_pip=True)
    python = omgeving / "bin" / "python"
    _run(str(python), "-m", "pip", "install", "--quiet", str(wheel))
    script = (
        "import json, openfisca_toeslagen as o\n"
        "from openfisca_core.simulation_builder import SimulationBuilder\n"
        "assert 'site-packages' in str(o.PARAMETERS_DIR), o.PARAMETERS_DIR\n"
        "from openfisca_toeslagen.situation_examples import mark\n"
        "s = SimulationBuilder().build_from_entities(o.CountryTaxBenefitSystem(), mark)\n"
        "print(s.calculate('termijnbedrag', '2025-01')[0])\n"
        "from openfisca_toeslagen.toepassingen import kringloop\n"
        "assert kringloop.aannames('2025-01')['leefgeld_basis'][0] == 200\n"  # the scenario's assumptions travel too
    )
    uit = _run(str(python), "-c", script, cwd=tmp_path)  # outside the checkout: only the wheel is importable
    assert uit.stdout.strip() == "279.0"
    test = tmp_path / "mark.yaml"
    test.write_text((REPO / "tests" / "regels" / "mark_ibtd_rapportage_2025.yaml").read_text())
    _run(str(omgeving / "bin" / "openfisca"), "test", "--country-package", "openfisca_toeslagen", str(test), cwd=tmp_path)
    # The reforms' YAML files and parameters travel in the wheel, and the command is installed.
    situatie = tmp_path / "mark.json"
    situatie.write_text((REPO / "openfisca_toeslagen" / "situation_examples" / "mark.json").read_text())
    uit = _run(str(omgeving / "bin" / "openfisca-toeslagen"), "vergelijk", "--situatie", str(situatie),
               "--hervorming", "kosten_van_bestaan_95", "--hervorming", "werkelijke_lasten+inflatie_geindexeerde_norm",
               cwd=tmp_path)
    assert "€ 225,00" in uit.stdout and "geen_invorderingsmaatregelen" in uit.stdout
