"""The engine layer: what makes the rules fast without changing what they say.

- `snel_lezen`: populations that read an already calculated value (or an input never set) without OpenFisca's per-call
  bookkeeping, and `eenmaal` for an intermediate result two formulas share;
- `perioden`: a cache of parsed periods;
- `keuze`: choosing per household among a few values (the norm of the right household type) by index;
- `gedeeld`: a policy's simulation reusing the values of current law it cannot change;
- `fouten`: naming the households or persons an error is about.

Law formulas (`variables/`) call these by name; none of them decides anything the law decides.
"""
