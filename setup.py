"""Packaging for openfisca-toeslagen.

The parameters live in the top-level ``parameters/`` folder of the repository;
``package_dir`` ships them inside the wheel as ``openfisca_toeslagen/parameters``.
"""

from pathlib import Path

from setuptools import find_packages, setup

HERE = Path(__file__).parent


def parameter_packages():
    """Every folder below parameters/ as a subpackage of openfisca_toeslagen.parameters."""
    folders = [HERE / "parameters"] + sorted(p for p in (HERE / "parameters").rglob("*") if p.is_dir())
    names = {}
    for folder in folders:
        relative = folder.relative_to(HERE / "parameters").parts
        names[".".join(("openfisca_toeslagen", "parameters") + relative)] = str(folder.relative_to(HERE))
    return names


PARAMETER_PACKAGES = parameter_packages()

setup(
    name="openfisca-toeslagen",
    version="0.1.0",
    description="OpenFisca-regels voor de invordering van terugvorderingen van toeslagen "
    "(betalingscapaciteit en persoonlijke betalingsregeling)",
    long_description=(HERE / "README.md").read_text(encoding="utf-8"),
    long_description_content_type="text/markdown",
    license="AGPL-3.0-or-later",
    python_requires=">=3.11",
    project_urls={"Repository": "https://github.com/openfisca-toeslagen/openfisca-toeslagen"},
    packages=find_packages(include=["openfisca_toeslagen", "openfisca_toeslagen.*"]) + list(PARAMETER_PACKAGES),
    package_dir=PARAMETER_PACKAGES,
    package_data={
        "openfisca_toeslagen": ["situation_examples/*.json", "reforms/*.yaml", "reforms/parameters/*/*.yaml", "toepassingen/kringloop.yaml",
                                "toepassingen/openapi_toevoegingen.json", "toepassingen/rekenhulp/*"],
        **{name: ["*.yaml"] for name in PARAMETER_PACKAGES},
    },
    include_package_data=False,
    install_requires=[
        "openfisca-core[web-api]>=46,<47",
        "pyyaml>=6",
        "matplotlib>=3.10,<4",
        "tqdm>=4.66,<5",
        "gunicorn>=22,<24",
        "pandas>=2.2,<3",
        "pyarrow>=17",
        "openpyxl>=3.1,<4",
    ],
    entry_points={"console_scripts": ["openfisca-toeslagen = openfisca_toeslagen.toepassingen.cli:main"]},
    extras_require={
        "dev": [
            "pytest>=8,<9",
            "pyyaml>=6",
            "hypothesis>=6.100,<7",
            "wheel>=0.43",
            "selenium>=4.20,<5",
            "schemathesis>=4,<5",
            "openapi-spec-validator>=0.7,<1",
            "nbclient>=0.10,<1",
            "nbformat>=5.10,<6",
            "ipykernel>=6.29,<8",
        ],
        "benchmark": ["openfisca-country-template>=8,<9"],
    },
    classifiers=[
        "Programming Language :: Python :: 3.11",
        "Topic :: Scientific/Engineering :: Information Analysis",
    ],
)
