/**
 * The entry of a forecast worker thread (`ForecastPool`, piscina): each task is a `ForecastJob`,
 * answered with its `ForecastJobResult`.
 * @module
 */
export { runForecastJob as default } from './forecast-job.ts';
