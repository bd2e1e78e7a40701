# Writes OUT: a C++ file defining ${FUNCTION}() (default cadre::schema::embeddedMigrations) from the
# SQL FILES given, each named NNNN_name.sql, returning std::vector<cadre::schema::Migration>.
# Run with cmake -P at build time.
if(NOT FUNCTION)
  set(FUNCTION embeddedMigrations)
endif()
string(REPLACE "|" ";" FILES "${FILES}")
set(body "")
set(entries "")
set(i 0)
foreach(file IN LISTS FILES)
  get_filename_component(name ${file} NAME_WE)
  string(REGEX MATCH "^([0-9]+)_(.+)$" ok ${name})
  if(NOT ok)
    message(FATAL_ERROR "migration ${file} is not named NNNN_name.sql")
  endif()
  math(EXPR version "${CMAKE_MATCH_1}")
  set(label ${CMAKE_MATCH_2})
  file(READ ${file} sql)
  # Raw string literals have a length limit per token in some compilers: split in 8 KiB pieces.
  string(LENGTH "${sql}" len)
  set(pieces "")
  set(off 0)
  while(off LESS len)
    string(SUBSTRING "${sql}" ${off} 8000 piece)
    string(APPEND pieces "R\"cadre_sql(${piece})cadre_sql\"\n")
    math(EXPR off "${off} + 8000")
  endwhile()
  string(APPEND body "const char kSql${i}[] =\n${pieces};\n")
  string(APPEND entries "        {${version}, \"${label}\", std::string_view(kSql${i}, sizeof kSql${i} - 1)},\n")
  math(EXPR i "${i} + 1")
endforeach()
file(WRITE ${OUT}.tmp "// Generated from schema/migrations by EmbedMigrations.cmake. Do not edit.
#include \"schema/EmbeddedMigrations.h\"

namespace cadre::schema {
namespace {
${body}}  // namespace

const std::vector<Migration>& ${FUNCTION}() {
    static const std::vector<Migration> all = {
${entries}    };
    return all;
}

}  // namespace cadre::schema
")
file(COPY_FILE ${OUT}.tmp ${OUT} ONLY_IF_DIFFERENT)
