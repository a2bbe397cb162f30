// One page, two bundles (the shared-runtime pattern): taskpane.html loads the task pane and
// the custom functions, so both run in one JavaScript context (manifest.xml: <Runtime
// lifetime="long">); the ribbon button shows that page (a ShowTaskpane action, no code). functions.json is generated from the JSDoc
// of src/functions/functions.ts by custom-functions-metadata-plugin, which also appends
// the CustomFunctions.associate calls to that file's bundle.
const path = require("path");
const CopyWebpackPlugin = require("copy-webpack-plugin");
const CustomFunctionsMetadataPlugin = require("custom-functions-metadata-plugin");
const HtmlWebpackPlugin = require("html-webpack-plugin");

const DEV_PORT = 3000;

/**
 * functions.json with `allowCustomDataForDataTypeAny` off. The generator always turns it on,
 * which lets a cell holding a data type (a linked Stocks or Geography entity, a formatted number
 * value) reach our `any` parameters as an object. The TENDER functions read cell values, so
 * Excel is told to pass such a cell as its plain value, as it passes every other cell.
 */
class PlainValuesOnlyPlugin {
  apply(compiler) {
    const { Compilation, sources } = compiler.webpack;
    compiler.hooks.thisCompilation.tap("PlainValuesOnlyPlugin", (compilation) => {
      compilation.hooks.processAssets.tap({ name: "PlainValuesOnlyPlugin", stage: Compilation.PROCESS_ASSETS_STAGE_ADDITIONS }, () => {
        const asset = compilation.getAsset("functions.json");
        if (!asset) return;
        const metadata = JSON.parse(asset.source.source().toString());
        metadata.allowCustomDataForDataTypeAny = false;
        compilation.updateAsset("functions.json", new sources.RawSource(JSON.stringify(metadata, null, 4)));
      });
    });
  }
}

/** HTTPS options for the dev server, required lazily: `npm run build` needs no certificates. */
async function httpsOptions() {
  return require("./tools/devCerts.cjs").httpsOptions();
}

module.exports = async (env = {}, argv = {}) => {
  const dev = argv.mode === "development";
  const serving = Boolean(process.env.WEBPACK_SERVE);
  // The playground (a fake Excel in the browser, with GPLv3 HyperFormula) is built only for
  // development and its tests, never into the add-in's production bundles.
  const playground = Boolean(env.playground) || (dev && serving);
  return {
    devtool: dev ? "source-map" : false,
    entry: {
      taskpane: "./src/taskpane/index.tsx",
      functions: ["./src/functions/runtimeGuard.ts", "./src/functions/functions.ts"],
      ...(playground
        ? { playground: ["./src/functions/runtimeGuard.ts", "./playground/index.tsx"], "playground-pane": "./playground/pane.tsx" }
        : {}),
    },
    output: {
      path: path.resolve(__dirname, "dist"),
      filename: "[name].js",
      chunkFilename: "[name].[contenthash:8].js",
      clean: true,
    },
    resolve: { extensions: [".ts", ".tsx", ".js"] },
    module: {
      rules: [
        {
          // src/core is pure (STYLE.md 1): importing one of its modules does nothing but define
          // things. Saying so lets webpack drop the modules `src/core/index.ts` re-exports that a
          // bundle never uses (the zod schemas, validation, scoring) instead of keeping each
          // one whose top level calls a function, as a zod schema does.
          test: /[\\/]src[\\/]core[\\/]/,
          sideEffects: false,
        },
        {
          test: /\.tsx?$/,
          exclude: /node_modules/,
          use: { loader: "ts-loader", options: { transpileOnly: true, configFile: "tsconfig.json" } },
        },
      ],
    },
    plugins: [
      new CustomFunctionsMetadataPlugin({ output: "functions.json", input: "./src/functions/functions.ts" }),
      new PlainValuesOnlyPlugin(),
      new HtmlWebpackPlugin({
        filename: "taskpane.html",
        template: "./src/taskpane/taskpane.html",
        // Order matters: the functions must be registered whenever the runtime loads the
        // page, whether or not the pane is shown.
        chunks: ["functions", "taskpane"],
        chunksSortMode: "manual",
      }),
      ...(playground
        ? [
            new HtmlWebpackPlugin({ filename: "playground.html", template: "./playground/playground.html", chunks: ["playground"] }),
            new HtmlWebpackPlugin({ filename: "playground-pane.html", template: "./playground/pane.html", chunks: ["playground-pane"] }),
          ]
        : []),
      new CopyWebpackPlugin({
        patterns: [
          { from: "assets/*.png", to: "assets/[name][ext]" },
          { from: "manifest.xml", to: "manifest.xml" },
          { from: "assets/help.html", to: "help.html" },
          // The playground's workbook sits behind Microsoft's Excel JavaScript client, as the
          // add-in's Excel layer does in Excel (test/excelHost). Development only.
          ...(playground ? [{ from: "node_modules/@microsoft/office-js/dist/excel-web-16.00.debug.js", to: "office-js/excel-web-16.00.debug.js" }] : []),
        ],
      }),
    ],
    performance: { hints: false },
    devServer: {
      port: DEV_PORT,
      host: "localhost",
      hot: false,
      liveReload: dev,
      headers: { "Access-Control-Allow-Origin": "*" },
      static: { directory: path.resolve(__dirname, "dist") },
      server: serving ? { type: "https", options: await httpsOptions() } : undefined,
      client: { overlay: { warnings: false, errors: true } },
    },
  };
};
