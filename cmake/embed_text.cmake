# Writes a C++ source defining `std::string_view NAME()` in namespace
# NAMESPACE that returns the text of the file IN, so a document ships inside
# the binary (docs/rules.md for `pthv explain`). Run by the build, never by hand:
#   cmake -DIN=docs/rules.md -DOUT=rules_md.cpp -DNAME=rules_md -DNAMESPACE=pthv::cmd -P embed_text.cmake
file(READ ${IN} text)
# The raw string's delimiter must not occur in the text.
string(FIND "${text}" ")pthvtext\"" clash)
if(NOT clash EQUAL -1)
  message(FATAL_ERROR "${IN} holds )pthvtext\", which ends the embedded string")
endif()
get_filename_component(source ${IN} NAME)
set(body "// Generated from ${source} by cmake/embed_text.cmake. Do not edit.\n")
string(APPEND body "#include <string_view>\n\nnamespace ${NAMESPACE} {\n\n")
string(APPEND body "std::string_view ${NAME}();\n\n")
string(APPEND body "std::string_view ${NAME}()\n{\n    static constexpr std::string_view k_text = R\"pthvtext(${text})pthvtext\";\n    return k_text;\n}\n\n")
string(APPEND body "} // namespace ${NAMESPACE}\n")
file(WRITE ${OUT}.tmp "${body}")
file(COPY_FILE ${OUT}.tmp ${OUT} ONLY_IF_DIFFERENT)
