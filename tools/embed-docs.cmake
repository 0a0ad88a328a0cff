# Embeds every rules/VG*.md: one array per file, then a table of
# {"file name", text}. The including file declares `struct DocEntry`.
file(GLOB DOCS ${DOCS_DIR}/VG*.md)
list(SORT DOCS)
set(ARRAYS "")
set(TABLE "static const DocEntry EmbeddedDocs[] = {\n")
set(i 0)
foreach(doc ${DOCS})
  get_filename_component(name ${doc} NAME)
  file(READ ${doc} HEX HEX)
  string(REGEX REPLACE "([0-9a-f][0-9a-f])" "0x\\1," BYTES "${HEX}")
  # unsigned: the docs are UTF-8, and a byte over 0x7f does not narrow.
  string(APPEND ARRAYS "static const unsigned char EmbeddedDoc${i}[] = {${BYTES} 0};\n")
  string(APPEND TABLE "  {\"${name}\", reinterpret_cast<const char *>(EmbeddedDoc${i})},\n")
  math(EXPR i "${i} + 1")
endforeach()
string(APPEND TABLE "  {nullptr, nullptr}};\n")
file(WRITE ${OUT}.tmp "${ARRAYS}${TABLE}")
file(RENAME ${OUT}.tmp ${OUT})
