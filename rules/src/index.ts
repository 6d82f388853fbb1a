/** @pesan/rules: Pesan's rule catalog. */
export { catalog, docsUrl, docsDir } from './catalog.js';
export { allRules } from './rules/index.js';
export {
  predictCategory,
  PREDICTED_CATEGORIES,
  UTILITY_PRIOR,
  UTILITY_CAP,
  WEIGHTS as CATEGORY_SIGNAL_WEIGHTS,
  type CategoryPrediction,
  type CategorySignal,
  type PredictedCategory,
  type SignalKind,
} from './category/predict.js';
export { explainFile, explainText, formatExplanation, type ExplainedFile, type ExplainedSignal, type ExplainedTemplate } from './category/explain.js';
