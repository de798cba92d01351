// ag-grid (MIT community edition) is registered once for the whole renderer; import this module
// before rendering an AgGridReact. The theme follows the app's colours.
import { AllCommunityModule, ModuleRegistry, themeQuartz } from 'ag-grid-community';

ModuleRegistry.registerModules([AllCommunityModule]);

export const gridTheme = themeQuartz.withParams({
  fontFamily: 'inherit',
  fontSize: 13,
  headerFontWeight: 600,
  accentColor: '#1f5fa8',
  rowHeight: 30,
  headerHeight: 34,
});
