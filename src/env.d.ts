declare namespace App {
  interface Locals {
    /** Set by src/middleware.ts from the page's path. */
    edition: import('./lib/editions').Edition;
  }
}
