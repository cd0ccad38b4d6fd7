// Poppler's core library (libpoppler-private-dev): only its include path and link flag are used,
// by the C++ target PopplerPaths; nothing here is imported into Swift.
