# The data files jan20-pdf reads at run time, found relative to the binary
# (<bin>/../share/jan20-pdf): the starter projects `jan20-pdf init` writes.
# They are staged next to the built binary (build/src/share/jan20-pdf, as
# the binary is build/src/cli/jan20-pdf) so the build tree works like an
# installed copy, and installed under PREFIX/share/jan20-pdf with the
# binary, the man page and the bash completion.
set(JAN20_STAGED_SHARE ${PROJECT_BINARY_DIR}/src/share/jan20-pdf)

# stage(<source file> <path under share/jan20-pdf>): copied at configure
# time; configure_file makes cmake re-run when the source changes.
function(jan20_stage_share source destination)
  configure_file(${PROJECT_SOURCE_DIR}/${source} ${JAN20_STAGED_SHARE}/${destination} COPYONLY)
endfunction()

# templates/<kind>/ holds layouts/ and content/<kind>/<lang>.toml; init
# writes jan20.toml itself and copies templates/fonts/manifest.toml.
jan20_stage_share(share/templates/fonts/manifest.toml templates/fonts/manifest.toml)
file(GLOB_RECURSE JAN20_LEAFLET_FILES RELATIVE ${PROJECT_SOURCE_DIR}/share/templates/leaflet
     CONFIGURE_DEPENDS ${PROJECT_SOURCE_DIR}/share/templates/leaflet/*)
foreach(f ${JAN20_LEAFLET_FILES})
  jan20_stage_share(share/templates/leaflet/${f} templates/leaflet/${f})
endforeach()
# The booklet and the poster are this repository's own documents.
foreach(f layouts/booklet.toml layouts/hyphenation-az.txt content/booklet/az.toml content/booklet/en.toml)
  jan20_stage_share(${f} templates/booklet/${f})
endforeach()
foreach(f layouts/poster.toml content/poster/az.toml content/poster/en.toml)
  jan20_stage_share(${f} templates/poster/${f})
endforeach()

include(GNUInstallDirs)
install(TARGETS jan20-pdf RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR})
install(DIRECTORY ${JAN20_STAGED_SHARE}/ DESTINATION ${CMAKE_INSTALL_DATADIR}/jan20-pdf)
install(FILES ${PROJECT_SOURCE_DIR}/docs/jan20-pdf.1 DESTINATION ${CMAKE_INSTALL_MANDIR}/man1)
install(FILES ${PROJECT_SOURCE_DIR}/share/completion/jan20-pdf.bash
        DESTINATION ${CMAKE_INSTALL_DATADIR}/bash-completion/completions RENAME jan20-pdf)
