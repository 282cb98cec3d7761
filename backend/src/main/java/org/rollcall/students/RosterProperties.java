package org.rollcall.students;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Limits of the roster spreadsheet import and the bulk photo upload. The multipart limits (15 MB a part, 100 MB a
 * request) still apply first.
 *
 * @param maxRosterBytes     size of a roster file (CSV or XLSX)
 * @param maxRosterRows      data rows in a roster file
 * @param maxPhotoFiles      photos in one bulk request, whether sent as parts or inside a ZIP
 * @param maxPhotoBytes      all photos of one bulk request together (a ZIP: what it expands to)
 * @param maxZipEntries      entries of a ZIP (folders and skipped files included): stops archives of millions of
 *                           empty entries before any is read
 * @param maxZipExpansion    bytes a ZIP may expand to per byte of archive; photos barely compress, a bomb expands a
 *                           thousandfold
 */
@ConfigurationProperties("rollcall.roster")
record RosterProperties(
        @DefaultValue("5MB") DataSize maxRosterBytes,
        @DefaultValue("5000") int maxRosterRows,
        @DefaultValue("100") int maxPhotoFiles,
        @DefaultValue("100MB") DataSize maxPhotoBytes,
        @DefaultValue("500") int maxZipEntries,
        @DefaultValue("100") int maxZipExpansion) {}
