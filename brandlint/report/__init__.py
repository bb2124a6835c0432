"""The messaging report: what the copy does with the master messaging, for the business. `facts`
lints one file and keeps what the report needs besides its findings (cached beside the results);
`build` turns every file's facts into the versioned report data; `html` renders it as one page;
`history` reads earlier commits through the same cache; `distributed` maps the per-file work over Dask."""
