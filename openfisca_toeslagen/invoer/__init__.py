"""The input layer: households as OpenFisca situations (`situaties`), as tables read from CSV, Parquet, Excel or a
DataFrame (`huishoudens`, `bestanden`), and a synthetic population for demonstrations and benchmarks (`populatie`)."""
