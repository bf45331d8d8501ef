// Imported first by main.tsx, so it runs before any other module of the bundle: the bench reads
// this mark to split the panel's start (script parse, module set-up, init round trip, first render).
performance.mark('riverflow-start');
