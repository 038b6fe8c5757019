module github.com/newsseg/newsseg/examples/compare

go 1.26

require (
	github.com/clipperhouse/uax29/v2 v2.7.0
	github.com/jdkato/prose/v2 v2.0.0
	github.com/neurosnap/sentences v1.1.2
	github.com/newsseg/newsseg v0.0.0
	github.com/stretchr/testify v1.12.1
)

require (
	github.com/deckarep/golang-set v1.7.1 // indirect
	github.com/mingrammer/commonregex v1.0.1 // indirect
	go.yaml.in/yaml/v3 v3.0.5 // indirect
	gonum.org/v1/gonum v0.7.0 // indirect
	gopkg.in/neurosnap/sentences.v1 v1.0.6 // indirect
)

replace github.com/newsseg/newsseg => ../..
