// Page addresses: a page about a class names it `class`, a page about one of its students adds `student`. Links of
// earlier versions (class.html?id=, student.html?class=…&id=) still open the same page: pages read the old name when
// the new one is missing.

export function param(name) {
  return new URLSearchParams(location.search).get(name);
}

/**
 * A page parameter encoded for use in an API path or a link, so "1/../../account" stays one path segment;
 * `formerly` is the name older links gave it.
 */
export function pathParam(name, formerly) {
  const value = param(name) ?? (formerly ? param(formerly) : null);
  return value === null ? null : encodeURIComponent(value);
}

/** The page `name` (e.g. 'attendance') of a class, with ids as pathParam gives them. */
export const classPageUrl = (name, classId) => `/${name}.html?class=${classId}`;

export const classUrl = (classId) => classPageUrl('class', classId);

export const studentUrl = (classId, studentId) => `/student.html?class=${classId}&student=${studentId}`;
