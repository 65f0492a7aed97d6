"use client";
// Defines <carepath-assessment> in the browser (the import touches no
// browser API on the server).
import "carepath-assessment";

export default function Loader() {
  return null;
}
