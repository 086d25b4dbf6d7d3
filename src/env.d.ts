declare namespace App {
  interface Locals {
    /** Set by src/middleware.ts from the page's path. */
    edition: import('./core/editions').Edition;
  }
}

// Interface text compiled into the scripts that show it, in the page's edition (src/site/build/client-strings.ts).
declare module 'virtual:client-strings/search' {
  const strings: import('./core/strings').ClientStrings['search'];
  export default strings;
}
declare module 'virtual:client-strings/share' {
  const strings: import('./core/strings').ClientStrings['share'];
  export default strings;
}
declare module 'virtual:client-strings/settings' {
  const strings: import('./core/strings').ClientStrings['settings'];
  export default strings;
}
declare module 'virtual:client-strings/readersCopy' {
  const strings: import('./core/strings').ClientStrings['readersCopy'];
  export default strings;
}
declare module 'virtual:client-strings/listening' {
  const strings: import('./core/strings').ClientStrings['listening'];
  export default strings;
}
declare module 'virtual:client-strings/offline' {
  const strings: import('./core/strings').ClientStrings['offline'];
  export default strings;
}
