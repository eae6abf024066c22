// The result of a model's virtual experiments: one row per published target (published value,
// model value, tolerance, pass or known failure) and the series to plot model against data.
// Produced by ModelAdapter::validate, written by `myoflux validate`.
#pragma once

#include <string>
#include <vector>

namespace myoflux {

struct ValidationRow {
  std::string id;         // "estes2017_csa"
  std::string section;    // "TARGETS.md section 0"
  std::string what;       // what is compared
  std::string source;     // the study
  std::string published;  // as published, with units
  std::string model;      // the model's value, with units
  std::string tolerance;  // and why it is that wide
  bool pass = false;
  std::string note;  // the reason for a known failure, or a remark
};

/// One line (model) or set of points with error bars (data) in one figure.
struct PlotSeries {
  std::string figure;  // file stem: all series with the same figure are drawn together
  std::string title;
  std::string x_label;
  std::string y_label;
  std::string label;
  bool points = false;  // data points with error bars rather than a line
  std::vector<double> x, y, y_error;
};

struct ValidationReport {
  std::vector<ValidationRow> rows;
  std::vector<PlotSeries> series;
};

}  // namespace myoflux
