# Turns a data file into a comma-separated list of bytes for #include.
file(READ ${IN} HEX HEX)
string(REGEX REPLACE "([0-9a-f][0-9a-f])" "0x\\1," BYTES "${HEX}")
file(WRITE ${OUT}.tmp "${BYTES}\n")
file(RENAME ${OUT}.tmp ${OUT})
