/**
 * The time every entry of a package we write carries. fflate stamps entries with the moment of writing
 * unless told otherwise (DOS time, 2-second steps), so two copies of one file made a second apart differed
 * in their bytes. Excel stamps every entry of an .xlsx 1980-01-01 00:00, the first DOS date: we do the
 * same, and a copy of the same file with the same marks is the same bytes whenever it is made. The file's
 * own modification time on disk still says when it was written.
 */
export const ENTRY_TIME = new Date(1980, 0, 1);
