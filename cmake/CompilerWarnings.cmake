# Warnings for every Cadre target, attached through the cadre::options interface target.
function(cadre_set_warnings target)
  set(warnings -Wall -Wextra -Wpedantic -Wshadow -Wnon-virtual-dtor -Wold-style-cast -Wcast-align
               -Wunused -Woverloaded-virtual -Wconversion -Wnull-dereference
               -Wdouble-promotion -Wformat=2 -Wimplicit-fallthrough)
  if(CADRE_WARNINGS_AS_ERRORS)
    list(APPEND warnings -Werror)
  endif()
  target_compile_options(${target} INTERFACE $<$<COMPILE_LANGUAGE:CXX>:${warnings}>)
endfunction()
