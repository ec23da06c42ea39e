# embed.cmake - turns INPUT into a C file defining SYMBOL[] and SYMBOL_len (script mode).
file(READ ${INPUT} hex HEX)
string(LENGTH "${hex}" hexlen)
math(EXPR len "${hexlen} / 2")
string(REGEX REPLACE "([0-9a-f][0-9a-f])" "0x\\1," bytes "${hex}")
string(REGEX REPLACE "(0x..,0x..,0x..,0x..,0x..,0x..,0x..,0x..,0x..,0x..,0x..,0x..,)" "\\1\n" bytes "${bytes}")
file(WRITE ${OUTPUT}.tmp
  "/* Generated from ${INPUT} by cmake/embed.cmake; do not edit. */\n"
  "#include <stddef.h>\n"
  "static const unsigned char bytes[] = {\n${bytes}0x00};\n"
  "const char *const ${SYMBOL} = (const char *)bytes;\n"
  "const size_t ${SYMBOL}_len = ${len};\n")
file(RENAME ${OUTPUT}.tmp ${OUTPUT})
