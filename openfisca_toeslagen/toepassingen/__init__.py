"""The applications on top of the rules: comparing policies (`vergelijking`), explaining one household's amounts
(`uitleg`), the routes of one household and of a population (the package `routes`: `routes.huishouden`, `routes.populatie`), the vicious-circle scenario
(`kringloop`), charts (`grafiek`), the command line (`cli`), and the web server with its endpoints (`server`: the
standard OpenFisca web API plus /uitleg, /vergelijk, /routes and the calculator page in `rekenhulp/`)."""
