module github.com/onrecord/onrecord

go 1.26.8
